// What a credential's services imply, shared by lib/, the CLI and client components (no server
// imports, so the browser applies the same rule the server does).

export const CREDENTIAL_KINDS = ["app", "mobile", "qr"] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Services where a credential opens a browser session without the OTP: the UI warns about these. */
export const WEB_SESSION_SERVICES: readonly string[] = ["WebUI", "WebAdminUI"];

export function opensWebSessionWithoutOtp(services: readonly string[]): boolean {
  return services.some((s) => WEB_SESSION_SERVICES.includes(s));
}

/** A QR code makes a "qr" credential; a password for EAS alone is a "mobile" one; anything else an "app" one. */
export function credentialKindFor(services: readonly string[], opts: { qrcode?: boolean } = {}): CredentialKind {
  if (opts.qrcode) return "qr";
  return services.length === 1 && services[0].toLowerCase() === "eas" ? "mobile" : "app";
}
