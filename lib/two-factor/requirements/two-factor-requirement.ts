import { SECOND_FACTOR_COUNTS, hasAnyOf } from "@/lib/two-factor/devices/has-second-factor";
import { getDb, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { adminsRequireTwoFactor } from "@/lib/two-factor/requirements/admin-two-factor-setting";

const DAY_MS = 24 * 60 * 60 * 1000;

export type TwoFactorRequirement = { required: boolean; graceEndsAt: Date | null; inGrace: boolean };

/** The requirement plus where it comes from, for the admin console and the CLI. */
export type TwoFactorRequirementDetails = TwoFactorRequirement & {
  userRequires: boolean;
  domainRequires: boolean;
  /** The account is an administrator and every administrator must have a second factor. */
  adminRequires: boolean;
  domain: string;
  graceDays: number;
  /** When the grace period started (null when 2FA is not required). */
  requiredSince: Date | null;
  /** Whether the user has a TOTP device they proved a code for. */
  hasDevice: boolean;
};

/** When the grace period to add a second factor ends: `graceDays` after the requirement started. */
export function enrolmentDeadline(requiredSince: Date, graceDays: number): Date {
  return new Date(requiredSince.getTime() + Math.max(0, graceDays) * DAY_MS);
}

/** What requirementDetailsOf reads of a user: the sign-in reads it with more (load-sign-in-facts). */
export const REQUIREMENT_FACTS = {
  require2fa: true,
  twoFactorRequiredAt: true,
  createdAt: true,
  role: true,
  domain: { select: { name: true, require2fa: true, twoFactorGraceDays: true } },
  _count: { select: SECOND_FACTOR_COUNTS },
} as const;

/** The details for one user; see twoFactorRequirement for the rules. */
export async function twoFactorRequirementDetails(
  userId: string,
  now = new Date(),
  tx: Tx = getDb() as unknown as Tx,
): Promise<TwoFactorRequirementDetails> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: REQUIREMENT_FACTS,
  });
  if (!user) throw notFound(messageKey("errors.account.userNotFound"));
  const adminRequires = user.role === "admin" && (await adminsRequireTwoFactor(tx));
  return requirementDetailsOf(user, adminRequires, now);
}

/** The rules of twoFactorRequirementDetails on rows already read (the sign-in reads them with more). */
export function requirementDetailsOf(
  user: {
    require2fa: boolean;
    twoFactorRequiredAt: Date | null;
    createdAt: Date;
    domain: { name: string; require2fa: boolean; twoFactorGraceDays: number };
    _count: { totpDevices: number; passkeys: number };
  },
  adminRequires: boolean,
  now: Date,
): TwoFactorRequirementDetails {
  const { domain } = user;
  const required = user.require2fa || domain.require2fa || adminRequires;
  const base = {
    userRequires: user.require2fa,
    domainRequires: domain.require2fa,
    adminRequires,
    domain: domain.name,
    graceDays: domain.twoFactorGraceDays,
    hasDevice: hasAnyOf(user._count),
  };
  if (!required) return { ...base, required, graceEndsAt: null, inGrace: false, requiredSince: null };
  // A user created while the requirement was already on has no twoFactorRequiredAt: their grace starts at creation.
  const requiredSince = user.twoFactorRequiredAt ?? user.createdAt;
  const graceEndsAt = enrolmentDeadline(requiredSince, domain.twoFactorGraceDays);
  return { ...base, required, graceEndsAt, inGrace: now.getTime() < graceEndsAt.getTime(), requiredSince };
}

/** Whether 2FA is required for this user (user flag, their domain's flag, or the administrators' setting for an admin) and until when they may still enrol.
 *  Grace starts at user.twoFactorRequiredAt (set when the requirement was switched on for the user or their domain),
 *  falling back to user.createdAt; it lasts domain.twoFactorGraceDays. */
export async function twoFactorRequirement(
  userId: string,
  now = new Date(),
): Promise<{ required: boolean; graceEndsAt: Date | null; inGrace: boolean }> {
  const { required, graceEndsAt, inGrace } = await twoFactorRequirementDetails(userId, now);
  return { required, graceEndsAt, inGrace };
}
