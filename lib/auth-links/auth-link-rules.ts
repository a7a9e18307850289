import type { Prisma } from "@/lib/generated/sqlite/client";
import { AppError, invalidInput } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { formatIpRanges, parseIpRanges } from "@/lib/net/cidr";

// What the auth-link operations share: limits, input checks and what "pending" means.

export const MIN_AUTH_LINK_HOURS = 1;
export const MAX_AUTH_LINK_HOURS = 168;
export const HOUR_MS = 60 * 60 * 1000;

/** The one answer for a link that cannot be used, whatever the reason (no enumeration). */
export const AUTH_LINK_UNUSABLE = messageKey("errors.authLink.unusable");
export const authLinkUnusable = () => new AppError("link_unusable", AUTH_LINK_UNUSABLE);

/** An integer number of hours in 1..168, else a field error under "hours". */
export function checkAuthLinkHours(hours: unknown): number {
  if (typeof hours !== "number" || !Number.isInteger(hours) || hours < MIN_AUTH_LINK_HOURS || hours > MAX_AUTH_LINK_HOURS) {
    throw invalidInput("hours", messageKey("errors.authLink.hours", { min: MIN_AUTH_LINK_HOURS, max: MAX_AUTH_LINK_HOURS }));
  }
  return hours;
}

/** Canonical comma-separated CIDRs ("" = anywhere), else a field error under "allowedIpRanges". */
export function parseAuthLinkIpRanges(input: string | undefined): string {
  if (input === undefined || input.trim() === "") return "";
  try {
    return formatIpRanges(parseIpRanges(input));
  } catch (error) {
    if (error instanceof AppError) throw invalidInput("allowedIpRanges", messageKey("errors.authLink.ipRanges"));
    throw error;
  }
}

/** Links that can still be used at `now`: a temporary one unused and unexpired, a permanent one until revoked. */
export function pendingLinkWhere(now: Date): Prisma.AuthLinkWhereInput {
  return {
    revokedAt: null,
    OR: [{ permanent: true }, { permanent: false, usedAt: null, expiresAt: { gt: now } }],
  };
}

export function isPending(
  link: { permanent: boolean; revokedAt: Date | null; usedAt: Date | null; expiresAt: Date | null },
  now: Date,
): boolean {
  if (link.revokedAt) return false;
  if (link.permanent) return true;
  return !link.usedAt && !!link.expiresAt && link.expiresAt > now;
}
