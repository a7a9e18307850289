// Single-use backup ("static") codes printed at TOTP enrolment, as Carbonio's "PRINT PIN CODES".
// The caller HMACs the normalised form; this module only generates and normalises.
import { randomInt } from "node:crypto";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

// Crockford base32 in lower case: no i, l, o, u, so codes read back from paper without ambiguity.
export const RECOVERY_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_GROUP_LENGTH = 5;
export const RECOVERY_CODE_GROUPS = 2;
/** Characters of entropy per code: 10 × 5 bits = 50 bits. */
export const RECOVERY_CODE_LENGTH = RECOVERY_CODE_GROUP_LENGTH * RECOVERY_CODE_GROUPS;
export const RECOVERY_CODE_DEFAULT_COUNT = 12; // Carbonio's static_code default
export const RECOVERY_CODE_MAX_COUNT = 100;

// Longer input is refused before any processing, so a pasted essay costs nothing.
const MAX_INPUT_LENGTH = 64;

// Crockford decoding: letters people write for digits map to those digits.
const CONFUSABLES: Readonly<Record<string, string>> = { i: "1", l: "1", o: "0" };

function randomCompactCode(): string {
  let code = "";
  for (let index = 0; index < RECOVERY_CODE_LENGTH; index++) {
    code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  }
  return code;
}

/** Display form of a normalised code: "abcde-fghjk". */
export function formatRecoveryCode(compact: string): string {
  const groups: string[] = [];
  for (let start = 0; start < compact.length; start += RECOVERY_CODE_GROUP_LENGTH) {
    groups.push(compact.slice(start, start + RECOVERY_CODE_GROUP_LENGTH));
  }
  return groups.join("-");
}

/** `count` distinct codes in display form, each 50 bits from the OS CSPRNG. */
export function generateRecoveryCodes(count: number = RECOVERY_CODE_DEFAULT_COUNT): string[] {
  if (!Number.isSafeInteger(count) || count < 0 || count > RECOVERY_CODE_MAX_COUNT) {
    const message = messageKey("errors.auth.recoveryCodeCount", { max: RECOVERY_CODE_MAX_COUNT });
    throw new AppError("invalid_input", message, { count: [message] });
  }
  // A Set keeps the printed sheet free of duplicates (a 2^-50 event, but cheap to rule out).
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCompactCode());
  return [...codes].map(formatRecoveryCode);
}

/**
 * Canonical form for hashing: trimmed, lower-case, spaces and hyphens removed, i/l → 1, o → 0.
 * Returns null for anything that cannot be a code (wrong length, characters outside the alphabet).
 */
export function normaliseRecoveryCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const stripped = input
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "");
  if (stripped.length !== RECOVERY_CODE_LENGTH) return null;
  let compact = "";
  for (const char of stripped) {
    const mapped = CONFUSABLES[char] ?? char;
    if (!RECOVERY_CODE_ALPHABET.includes(mapped)) return null;
    compact += mapped;
  }
  return compact;
}
