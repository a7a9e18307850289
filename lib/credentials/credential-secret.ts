import { randomBytes } from "node:crypto";
import { hmacHex } from "@/lib/crypto/tokens";

// Generated service credentials (EAS, IMAP, SMTP… passwords) are typed by hand on phones, so they
// use lower-case Crockford base32: no i, l, o or u, so nothing is easily misread, and no shift key.
export const CREDENTIAL_SECRET_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const CREDENTIAL_SECRET_LENGTH = 28;
export const CREDENTIAL_SECRET_GROUP_SIZE = 4;
/** 28 symbols × log2(32) = 5 bits each = 140 bits, above the 128-bit floor. */
export const CREDENTIAL_SECRET_ENTROPY_BITS = CREDENTIAL_SECRET_LENGTH * Math.log2(CREDENTIAL_SECRET_ALPHABET.length);

/** Longest input we will even look at; anything longer is rejected before hashing. */
export const MAX_CREDENTIAL_SECRET_INPUT = 256;

const GENERATED_SHAPE = new RegExp(`^[${CREDENTIAL_SECRET_ALPHABET}]{${CREDENTIAL_SECRET_LENGTH}}$`);

/**
 * A new random credential secret such as `7kq2-mx9d-…` (7 groups of 4, 140 bits).
 * Each symbol takes the low 5 bits of one CSPRNG byte: 256 is a multiple of 32, so there is no bias.
 */
export function generateCredentialSecret(): string {
  const bytes = randomBytes(CREDENTIAL_SECRET_LENGTH);
  let symbols = "";
  for (const byte of bytes) symbols += CREDENTIAL_SECRET_ALPHABET[byte & 31];
  return groupSymbols(symbols);
}

function groupSymbols(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += CREDENTIAL_SECRET_GROUP_SIZE) {
    groups.push(symbols.slice(i, i + CREDENTIAL_SECRET_GROUP_SIZE));
  }
  return groups.join("-");
}

/** The input with separators removed, lower-cased and Crockford's look-alikes folded (i/l→1, o→0). */
function foldGenerated(input: string): string {
  return input
    .replace(/[\s-]+/g, "")
    .toLowerCase()
    .replace(/[il]/g, "1")
    .replace(/o/g, "0");
}

/** True when the input, once folded, is exactly the shape `generateCredentialSecret` produces. */
export function looksGenerated(input: string): boolean {
  if (input.length === 0 || input.length > MAX_CREDENTIAL_SECRET_INPUT) return false;
  return GENERATED_SHAPE.test(foldGenerated(input));
}

/**
 * Canonical form for hashing. Generated-looking input is folded (spaces, hyphens, case and
 * look-alikes do not matter when typing it on a phone). Anything else is a chosen password and is
 * returned exactly as typed: it is verified with argon2 and must not be weakened by folding.
 * Returns null for empty or over-long input.
 */
export function normaliseCredentialSecret(input: string): string | null {
  if (input.length === 0 || input.length > MAX_CREDENTIAL_SECRET_INPUT) return null;
  const folded = foldGenerated(input);
  return GENERATED_SHAPE.test(folded) ? folded : input;
}

/**
 * Keyed SHA-256 of the normalised secret, stored with the credential so checking a presented
 * password is one indexed lookup. Keyed (HMAC) so a leaked table cannot be brute-forced offline
 * without AUTH_SECRET. Null when the input cannot be a credential (empty or over-long).
 */
export function credentialLookupHash(secret: string, key?: Buffer): string | null {
  const normalised = normaliseCredentialSecret(secret);
  if (normalised === null) return null;
  return key === undefined ? hmacHex(normalised) : hmacHex(normalised, key);
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const CREDENTIAL_ID_LENGTH = 10;

/**
 * A short public id for a credential, like Carbonio's `aKcLK`, safe in URLs and CLI arguments.
 * 10 base62 symbols ≈ 59.5 bits: ids are not secrets, but this keeps the odds of any collision
 * under one in a million up to a million credentials (a unique index catches the rest) and makes
 * ids useless for enumeration.
 * Rejection sampling (bytes ≥ 248 are skipped) keeps every symbol equally likely.
 */
export function generateCredentialId(): string {
  const limit = 256 - (256 % ID_ALPHABET.length);
  let id = "";
  while (id.length < CREDENTIAL_ID_LENGTH) {
    for (const byte of randomBytes(CREDENTIAL_ID_LENGTH * 2)) {
      if (byte >= limit) continue;
      id += ID_ALPHABET[byte % ID_ALPHABET.length];
      if (id.length === CREDENTIAL_ID_LENGTH) break;
    }
  }
  return id;
}

export const CREDENTIAL_ID_SHAPE = /^[0-9A-Za-z]{10}$/;
