// Options of Carbonio's `auth totp generate` (algorithm, digits_length, period, secret_length),
// validated without zod so the CLI, server actions and tests share one parser.
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { translateText, translateToEnglish } from "@/lib/i18n/translate-message";

export const TOTP_ALGORITHMS = ["SHA1", "SHA256", "SHA512"] as const;
export type TotpAlgorithm = (typeof TOTP_ALGORITHMS)[number];

// Carbonio also offers 10 digits; few authenticator apps display them, so we stop at 8.
export const TOTP_DIGITS = [6, 8] as const;
export type TotpDigits = (typeof TOTP_DIGITS)[number];

export const TOTP_PERIODS = [30, 60] as const;
export type TotpPeriod = (typeof TOTP_PERIODS)[number];

// Secret length in bytes. RFC 4226 asks for at least 128 bits; 160 bits matches SHA-1's output.
export const TOTP_SECRET_BYTES_DEFAULT = 20;
export const TOTP_SECRET_BYTES_MIN = 16;
export const TOTP_SECRET_BYTES_MAX = 64;

/** What an OTP generator needs to produce and check codes. */
export interface TotpParams {
  algorithm: TotpAlgorithm;
  digits: TotpDigits;
  period: TotpPeriod;
}

/** Parameters plus the size of the secret to generate at enrolment. */
export interface TotpOptions extends TotpParams {
  secretLength: number;
}

/** Raw input as it arrives from a form, JSON body or CLI argument (strings or numbers). */
export interface RawTotpOptions {
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  secretLength?: unknown;
}

export const DEFAULT_TOTP_OPTIONS: Readonly<TotpOptions> = Object.freeze({
  algorithm: "SHA1",
  digits: 6,
  period: 30,
  secretLength: TOTP_SECRET_BYTES_DEFAULT,
});

const isMissing = (value: unknown) => value === undefined || value === null || value === "";

// Accepts a safe integer or a string of ASCII digits (CLI arguments are strings); anything else is null.
function toInteger(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (!/^[0-9]{1,6}$/.test(trimmed)) return null;
    return Number(trimmed);
  }
  return null;
}

function parseAlgorithm(value: unknown): TotpAlgorithm | string {
  if (isMissing(value)) return DEFAULT_TOTP_OPTIONS.algorithm;
  if (typeof value === "string") {
    // "sha-256" is a common spelling; the otpauth URI and Carbonio use "SHA256".
    const upper = value.trim().toUpperCase().replace("-", "");
    const match = TOTP_ALGORITHMS.find((algorithm) => algorithm === upper);
    if (match) return match;
  }
  return messageKey("errors.auth.totpAlgorithm");
}

function parseDigits(value: unknown): TotpDigits | string {
  if (isMissing(value)) return DEFAULT_TOTP_OPTIONS.digits;
  const digits = toInteger(value);
  const match = TOTP_DIGITS.find((allowed) => allowed === digits);
  if (match) return match;
  if (digits === 10) return messageKey("errors.auth.totpDigitsTen");
  return messageKey("errors.auth.totpDigits");
}

function parsePeriod(value: unknown): TotpPeriod | string {
  if (isMissing(value)) return DEFAULT_TOTP_OPTIONS.period;
  const period = toInteger(value);
  const match = TOTP_PERIODS.find((allowed) => allowed === period);
  return match ?? messageKey("errors.auth.totpPeriod");
}

function parseSecretLength(value: unknown): number | string {
  if (isMissing(value)) return DEFAULT_TOTP_OPTIONS.secretLength;
  const length = toInteger(value);
  if (length !== null && length >= TOTP_SECRET_BYTES_MIN && length <= TOTP_SECRET_BYTES_MAX) return length;
  return messageKey("errors.auth.totpSecretLength", { min: TOTP_SECRET_BYTES_MIN, max: TOTP_SECRET_BYTES_MAX });
}

/**
 * Validates `totp generate` options, filling in SHA1 / 6 digits / 30 s / 20 bytes.
 * Throws AppError("invalid_input") listing every bad field at once.
 */
export function parseTotpOptions(raw: RawTotpOptions = {}): TotpOptions {
  const algorithm = parseAlgorithm(raw.algorithm);
  const digits = parseDigits(raw.digits);
  const period = parsePeriod(raw.period);
  const secretLength = parseSecretLength(raw.secretLength);

  const fieldErrors: Record<string, string[]> = {};
  // Parsers return a message string on failure; algorithms are strings too, so test membership.
  if (!TOTP_ALGORITHMS.includes(algorithm as TotpAlgorithm)) fieldErrors.algorithm = [algorithm];
  if (typeof digits === "string") fieldErrors.digits = [digits];
  if (typeof period === "string") fieldErrors.period = [period];
  if (typeof secretLength === "string") fieldErrors.secretLength = [secretLength];

  const messages = Object.values(fieldErrors).flat();
  // One message key travels as it is; several are joined in English (the CLI's language: forms show the field messages).
  const message = messages.length === 1 ? messages[0] : messages.map((m) => translateText(m, translateToEnglish)).join(" ");
  if (messages.length > 0) throw new AppError("invalid_input", message, fieldErrors);

  return {
    algorithm: algorithm as TotpAlgorithm,
    digits: digits as TotpDigits,
    period: period as TotpPeriod,
    secretLength: secretLength as number,
  };
}
