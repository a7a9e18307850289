"use client";
import { useTranslations } from "next-intl";
import type { DeviceName } from "@/lib/sessions/describe-user-agent";

/** Renders a device name in the viewer's language: "Firefox on Linux", "Firefox su Linux", "Firefox unter Linux". */
export function useDeviceName(): (name: DeviceName) => string {
  const t = useTranslations("security.deviceName");
  return (name) => {
    if (!name) return t("unknownDevice");
    if (name.browser && name.os) return t("named", { browser: name.browser, os: name.os });
    return name.browser ?? name.os ?? t("unknownBrowser");
  };
}
