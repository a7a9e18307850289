import { getSettings } from "@/lib/config/settings";

// The __Host- prefix pins a cookie to this exact origin over HTTPS (no Domain, Path=/, Secure).
// Browsers refuse it over plain http, so it is used only when PUBLIC_URL is https.
export function cookieName(base: "session" | "login" | "trusted-device" | "saml"): string {
  return getSettings().secureCookies ? `__Host-gatehouse.${base}` : `gatehouse.${base}`;
}

export function cookieOptions(maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: getSettings().secureCookies,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
