import type { CredentialStatus } from "@/lib/credentials/credential-rules";

// Display helpers shared by the portal and the console (client-safe: no server imports).
export const statusTone: Record<CredentialStatus, "success" | "neutral" | "warning"> = {
  active: "success",
  disabled: "neutral",
  expired: "warning",
};

export const statusText: Record<CredentialStatus, string> = { active: "Active", disabled: "Disabled", expired: "Expired" };

export const kindText: Record<string, string> = { app: "App password", mobile: "Mobile password", qr: "Mobile app (QR)" };
