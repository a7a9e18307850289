import { createHash, createHmac, randomBytes } from "node:crypto";
import { getKeys } from "@/lib/crypto/keys";

/** A random URL-safe token of `bytes` bytes of entropy (default 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Hash for lookup of high-entropy tokens (sessions, links, tickets): plain SHA-256 is enough. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Keyed hash for lower-entropy or guessable values (recovery codes, credentials). */
export function hmacHex(value: string, key = getKeys().hmac): string {
  return createHmac("sha256", key).update(value).digest("hex");
}
