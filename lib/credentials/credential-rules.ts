// Pure rules for service credentials: what a valid label, expiry and IP allow-list are, and
// whether a stored credential lets a given service in from a given address at a given time.
// No database here, so every rule is unit-tested on its own.
import { AppError, invalidInput } from "@/lib/errors";
import { formatIpRanges, ipInRanges, parseIpRanges, type IpRange } from "@/lib/net/cidr";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { looksGenerated } from "@/lib/credentials/credential-secret";
import { parseService, parseServiceList, SERVICES, type Service } from "@/lib/services/services";
import { messageKey } from "@/lib/i18n/message-key";

export const MAX_CREDENTIAL_LABEL = 64;
/** Bounds the list every page shows and the rows a check may touch. */
export const MAX_CREDENTIALS_PER_ACCOUNT = 100;
/**
 * Chosen (argon2id) credentials cannot be found by lookup, so a check verifies each of the
 * account's candidates; at most this many exist per account, so every one stays reachable.
 */
export const MAX_CHOSEN_CREDENTIALS_PER_ACCOUNT = 5;
/** Expiry further out than this is almost certainly a typo (year 20260 rather than 2026). */
export const MAX_CREDENTIAL_LIFETIME_MS = 10 * 366 * 24 * 60 * 60 * 1000;
/** The one-time QR code is a single-use token valid this long. */
export const QR_LOGIN_TOKEN_TTL_MS = 10 * 60 * 1000;

export const ALGORITHM_GENERATED = "HMAC-SHA256";
export const ALGORITHM_CHOSEN = "argon2id";

/**
 * Services a user may give their own credentials in the portal. WebAdminUI and CLI are admin
 * tools: a credential for them skips the second factor, so only an administrator hands one out.
 */
export const SELF_SERVICE_SERVICES: readonly Service[] = SERVICES.filter((s) => s !== "WebAdminUI" && s !== "CLI");

/** A trimmed label of 1–64 characters without control characters. */
export function parseCredentialLabel(raw: string): string {
  const label = (raw ?? "").trim();
  if (label.length === 0) throw invalidInput("label", messageKey("validation.credentials.labelRequired"));
  if ([...label].length > MAX_CREDENTIAL_LABEL)
    throw invalidInput("label", messageKey("validation.credentials.labelTooLong", { max: MAX_CREDENTIAL_LABEL }));
  if (/[\u0000-\u001f\u007f]/.test(label)) throw invalidInput("label", messageKey("validation.credentials.labelControl"));
  return label;
}

/** Canonical service list; `allowed` narrows it (self-service) with a message naming what is allowed. */
export function parseCredentialServices(input: string | readonly string[], allowed: readonly Service[] = SERVICES): Service[] {
  const services = parseServiceList(input);
  const refused = services.filter((s) => !allowed.includes(s));
  if (refused.length > 0) {
    throw invalidInput(
      "services",
      messageKey("validation.credentials.servicesRefused", { refused: refused.join(", "), allowed: allowed.join(", ") }),
    );
  }
  return services;
}

/** Expiry must be in the future and within ten years. Null means "never expires". */
export function checkCredentialExpiry(expiresAt: Date | null | undefined, now: Date): Date | null {
  if (expiresAt === null || expiresAt === undefined) return null;
  if (Number.isNaN(expiresAt.getTime())) throw invalidInput("expiresAt", messageKey("validation.credentials.expiryInvalid"));
  if (expiresAt.getTime() <= now.getTime()) throw invalidInput("expiresAt", messageKey("validation.credentials.expiryPast"));
  if (expiresAt.getTime() - now.getTime() > MAX_CREDENTIAL_LIFETIME_MS)
    throw invalidInput("expiresAt", messageKey("validation.credentials.expiryTooFar"));
  return expiresAt;
}

/**
 * Reads an expiry as typed in a form or on the command line: "" → none; "2027-03-31" → valid
 * through that day (UTC); an ISO date-time; or "30d" for a number of days from now.
 */
export function parseExpiryInput(text: string | undefined | null, now: Date): Date | null {
  const value = (text ?? "").trim();
  if (value === "" || value.toLowerCase() === "never") return null;
  if (value.length > 40) throw invalidInput("expiresAt", messageKey("validation.credentials.expiryFormat"));
  let date: Date;
  const days = /^(\d{1,5})d$/i.exec(value);
  if (days) date = new Date(now.getTime() + Number(days[1]) * 24 * 60 * 60 * 1000);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    date = new Date(`${value}T00:00:00.000Z`);
    // Date-only: valid through the whole day named, so "expires 2027-03-31" still works that day.
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value) date = new Date(date.getTime() + 24 * 60 * 60 * 1000);
    else date = new Date(NaN);
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(value)) date = new Date(value);
  else date = new Date(NaN);
  if (Number.isNaN(date.getTime())) throw invalidInput("expiresAt", messageKey("validation.credentials.expiryFormat"));
  return checkCredentialExpiry(date, now);
}

/** Canonical comma-separated CIDRs ("" = any address), with errors on the form's field. */
export function parseAllowedIpRanges(text: string | undefined | null): string {
  try {
    return formatIpRanges(parseIpRanges(text ?? ""));
  } catch (e) {
    if (e instanceof AppError) throw invalidInput("allowedIpRanges", e.text);
    throw e;
  }
}

/**
 * Policy for an admin-chosen credential password: the single-factor minimum (it skips the OTP),
 * the blocklist, not the account's address, and not shaped like a generated secret (those are
 * checked by lookup, so a chosen one of that shape could never be found).
 */
export function chosenPasswordProblem(password: string, email: string): string | null {
  // No hasSecondFactor: the credential itself is a single factor, so the 15-character floor applies.
  const problem = passwordProblem(password, { email });
  if (problem) return problem;
  if (looksGenerated(password)) return messageKey("errors.credentials.looksGenerated");
  return null;
}

/** Stored comma list back to canonical names; anything unknown is dropped, never trusted. */
export function storedServices(stored: string): Service[] {
  const set = new Set(
    stored
      .split(",")
      .map((s) => parseService(s))
      .filter((s): s is Service => !!s),
  );
  return SERVICES.filter((s) => set.has(s));
}

export type CredentialStatus = "active" | "disabled" | "expired";

export function credentialStatus(row: { enabled: boolean; expiresAt: Date | null }, now: Date): CredentialStatus {
  if (!row.enabled) return "disabled";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export type StoredCredentialRules = { enabled: boolean; expiresAt: Date | null; services: string; allowedIpRanges: string };

/** Whether a stored credential admits `service` from `ip` at `now` (the secret is checked elsewhere). */
export function credentialAdmits(row: StoredCredentialRules, check: { service: Service; ip: string }, now: Date): boolean {
  if (credentialStatus(row, now) !== "active") return false;
  if (!storedServices(row.services).includes(check.service)) return false;
  if (row.allowedIpRanges.trim() === "") return true;
  let ranges: IpRange[];
  try {
    ranges = parseIpRanges(row.allowedIpRanges);
  } catch {
    return false; // a stored list we cannot read admits nobody rather than everybody
  }
  return ipInRanges(check.ip, ranges);
}
