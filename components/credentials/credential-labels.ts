"use client";
import { useTranslations } from "next-intl";
import type { CredentialStatus } from "@/lib/credentials/credential-rules";

// Display helpers shared by the portal and the console (client-safe: no server imports).
export const statusTone: Record<CredentialStatus, "success" | "neutral" | "warning"> = {
  active: "success",
  disabled: "neutral",
  expired: "warning",
};

/** A credential's status and kind in the viewer's language. */
export function useCredentialLabels() {
  const t = useTranslations("credentials.labels");
  const status: Record<CredentialStatus, string> = { active: t("active"), disabled: t("disabled"), expired: t("expired") };
  const kind: Record<string, string> = { app: t("kindApp"), mobile: t("kindMobile"), qr: t("kindQr") };
  return { status, kind };
}
