// Plain facts about 2FA policies, shared by lib/, the console and the CLI (no server imports, so
// client components may use the wording too).

/** Carbonio's `2fa_policy`: 0 no_2fa, 1 ip_2fa (trusted IP skips), 2 device_2fa (trusted device skips). */
export type TwoFactorPolicy = 0 | 1 | 2;
export const TWO_FACTOR_POLICIES: readonly TwoFactorPolicy[] = [0, 1, 2];

export const POLICY_WORDS: Record<TwoFactorPolicy, string> = {
  0: "No second factor",
  1: "Required; trusted IP ranges skip it",
  2: "Required; trusted devices skip it",
};

/** The values one policy row holds, with ranges as canonical CIDR text. */
export type PolicyValues = { twoFactorPolicy: TwoFactorPolicy; trustedIpRanges: string[]; ipCanChange: boolean };

/** What applies where neither the domain nor the global scope sets a policy for a service. */
export const DEFAULT_POLICY: Readonly<PolicyValues> = Object.freeze({ twoFactorPolicy: 0, trustedIpRanges: [], ipCanChange: true });

/** Where a policy is set: everywhere, or for one domain (by name). */
export type PolicyTarget = { scope: "global" } | { domain: string };

/** AuthPolicy.scope of the global rows (domain rows use the domain id). */
export const GLOBAL_SCOPE = "global";

export function isTwoFactorPolicy(value: unknown): value is TwoFactorPolicy {
  return value === 0 || value === 1 || value === 2;
}

export const TRUSTED_DEVICE_LIFETIME = { key: "trustedDevice.lifetimeDays", defaultDays: 30, minDays: 1, maxDays: 365 } as const;
export const TWO_FACTOR_GRACE_DAYS = { min: 0, max: 90 } as const;
/**
 * "Administrators need a second factor": on unless the Setting row says "false". New installations
 * have no row (on); the 20261130030000 migration wrote "false" where accounts already existed.
 */
export const ADMIN_TWO_FACTOR = { key: "twoFactor.requireAdmins", defaultRequired: true } as const;
