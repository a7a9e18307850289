import { parse } from "cookie";

/**
 * One cookie from a Cookie header, for code that sees the raw header (next-auth's authorize, the
 * SAML routes) rather than next/headers. A value that is not valid percent-encoding comes back as
 * sent (cookie's parse does not throw), so a mangled cookie is a wrong token, never a 500.
 */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  return header ? parse(header)[name] : undefined;
}
