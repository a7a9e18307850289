// RFC 6238 TOTP: secret generation, otpauth:// URIs, code computation and verification with a
// replay guard. Pure functions: the current time is always passed in by the caller.
import { randomBytes } from "node:crypto";
import { generateSync, verifySync } from "otplib";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { TOTP_SECRET_BYTES_MAX, TOTP_SECRET_BYTES_MIN, type TotpAlgorithm, type TotpParams } from "@/lib/two-factor/devices/totp-options";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Codes from authenticator apps are at most 8 digits plus grouping spaces; anything longer is junk.
const MAX_RAW_TOKEN_LENGTH = 32;

// Accept codes from one step before and after the current one (clock drift, typing time).
const TOLERANCE_STEPS = 1;

/** RFC 4648 base32 without padding, the form authenticator apps expect in `secret=`. */
export function encodeBase32(bytes: Uint8Array): string {
  let output = "";
  let buffer = 0;
  let bitCount = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bitCount += 8;
    while (bitCount >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bitCount - 5)) & 31];
      bitCount -= 5;
    }
    buffer &= (1 << bitCount) - 1; // keep only unread bits so the integer never overflows
  }
  if (bitCount > 0) output += BASE32_ALPHABET[(buffer << (5 - bitCount)) & 31];
  return output;
}

/** A fresh TOTP seed of `bytes` random bytes from the OS CSPRNG, base32-encoded. */
export function generateTotpSecret(bytes: number = 20): string {
  if (!Number.isSafeInteger(bytes) || bytes < TOTP_SECRET_BYTES_MIN || bytes > TOTP_SECRET_BYTES_MAX) {
    const message = messageKey("errors.auth.totpSecretLength", { min: TOTP_SECRET_BYTES_MIN, max: TOTP_SECRET_BYTES_MAX });
    throw new AppError("invalid_input", message, { secretLength: [message] });
  }
  return encodeBase32(randomBytes(bytes));
}

export interface TotpUriInput extends TotpParams {
  issuer: string;
  accountName: string;
  secret: string; // base32
}

/**
 * otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=…&digits=…&period=… (Google Key URI format).
 * Built with encodeURIComponent rather than URLSearchParams, whose "+" for spaces some apps show literally.
 */
export function totpUri(input: TotpUriInput): string {
  const issuer = input.issuer.trim();
  const accountName = input.accountName.trim();
  // The colon separates issuer from account in the label, so neither may contain one.
  if (issuer === "" || issuer.includes(":")) {
    const message = messageKey("errors.auth.totpIssuer");
    throw new AppError("invalid_input", message, { issuer: [message] });
  }
  if (accountName === "" || accountName.includes(":")) {
    const message = messageKey("errors.auth.totpAccountName");
    throw new AppError("invalid_input", message, { accountName: [message] });
  }
  if (!/^[A-Z2-7]+$/.test(input.secret)) {
    const message = messageKey("errors.auth.totpSecretFormat");
    throw new AppError("invalid_input", message, { secret: [message] });
  }
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = [
    `secret=${input.secret}`,
    `issuer=${encodeURIComponent(issuer)}`,
    `algorithm=${input.algorithm}`,
    `digits=${input.digits}`,
    `period=${input.period}`,
  ].join("&");
  return `otpauth://totp/${label}?${query}`;
}

const toOtplibAlgorithm = (algorithm: TotpAlgorithm) => algorithm.toLowerCase() as "sha1" | "sha256" | "sha512";
const toEpochSeconds = (timeMs: number) => Math.floor(timeMs / 1000);

/** The TOTP counter (time step) for a given instant. */
export function totpTimeStep(timeMs: number, period: number): number {
  return Math.floor(toEpochSeconds(timeMs) / period);
}

/** The code for `timeMs`, from the raw key bytes (RFC test vectors use ASCII seeds). */
export function computeTotpFromKey(key: Uint8Array, options: TotpParams, timeMs: number): string {
  return generateSync({
    secret: key,
    algorithm: toOtplibAlgorithm(options.algorithm),
    digits: options.digits,
    period: options.period,
    epoch: toEpochSeconds(timeMs),
  });
}

/** The code for `timeMs`, from a base32 secret as stored and shown to users. */
export function computeTotp(secretBase32: string, options: TotpParams, timeMs: number): string {
  return generateSync({
    secret: secretBase32,
    algorithm: toOtplibAlgorithm(options.algorithm),
    digits: options.digits,
    period: options.period,
    epoch: toEpochSeconds(timeMs),
  });
}

/**
 * Strips spaces and returns the code if it is exactly `digits` ASCII digits, else null.
 * Checked before any HMAC so junk never reaches the crypto or the comparison.
 */
export function normaliseTotpToken(token: unknown, digits: number): string | null {
  if (typeof token !== "string" || token.length > MAX_RAW_TOKEN_LENGTH) return null;
  const compact = token.replace(/\s+/g, "");
  if (compact.length !== digits || !/^[0-9]+$/.test(compact)) return null;
  return compact;
}

export interface VerifyTotpInput {
  secret: string | Uint8Array; // base32 string, or raw key bytes
  token: unknown;
  options: TotpParams;
  nowMs: number;
  /** Last time step accepted for this secret; steps <= this are refused (replay guard). */
  lastUsedStep?: number | null;
}

export interface VerifyTotpResult {
  valid: boolean;
  /** The matched step: store it as the new lastUsedStep with a compare-and-set. */
  timeStep?: number;
}

/** Checks a code within ±1 time step of `nowMs`, refusing steps already used. */
export function verifyTotp(input: VerifyTotpInput): VerifyTotpResult {
  const { options, nowMs, lastUsedStep } = input;
  const token = normaliseTotpToken(input.token, options.digits);
  if (token === null) return { valid: false };

  const hasReplayGuard = lastUsedStep !== undefined && lastUsedStep !== null;
  if (hasReplayGuard && (!Number.isSafeInteger(lastUsedStep) || lastUsedStep < 0)) {
    throw new Error(`lastUsedStep must be a non-negative integer, got ${String(lastUsedStep)}`);
  }
  // otplib throws when afterTimeStep lies beyond the window; every step in it would be refused anyway.
  const newestStep = totpTimeStep(nowMs, options.period) + TOLERANCE_STEPS;
  if (hasReplayGuard && lastUsedStep >= newestStep) return { valid: false };

  const result = verifySync({
    secret: input.secret,
    token,
    algorithm: toOtplibAlgorithm(options.algorithm),
    digits: options.digits,
    period: options.period,
    epoch: toEpochSeconds(nowMs),
    epochTolerance: TOLERANCE_STEPS * options.period,
    afterTimeStep: hasReplayGuard ? lastUsedStep : undefined,
  });
  // otplib's functional verify is typed for TOTP and HOTP together; only TOTP results carry timeStep.
  if (!result.valid || !("timeStep" in result) || typeof result.timeStep !== "number") return { valid: false };
  return { valid: true, timeStep: result.timeStep };
}
