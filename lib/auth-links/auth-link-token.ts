import { getSettings } from "@/lib/config/settings";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";

// An auth link's token: 256 random bits, base64url (43 characters), shown once in the URL and
// stored only as its SHA-256 (a high-entropy token needs no key, like sessions and tickets).

/** Longer input is not one of ours: refused before any lookup or hashing. */
export const MAX_AUTH_LINK_TOKEN_LENGTH = 128;

export function newAuthLinkToken(): { raw: string; hash: string } {
  const raw = randomToken(32);
  return { raw, hash: hashAuthLinkToken(raw) };
}

export function hashAuthLinkToken(raw: string): string {
  return sha256Hex(raw);
}

/** The hash to look up, or null for input that cannot be a token (empty, too long, not base64url). */
export function lookupHashOf(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_AUTH_LINK_TOKEN_LENGTH) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  return hashAuthLinkToken(raw);
}

export function authLinkUrl(raw: string): string {
  return `${getSettings().publicUrl}/link/${raw}`;
}
