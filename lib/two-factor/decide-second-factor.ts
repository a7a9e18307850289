import type { LoginStage } from "@/lib/auth/login-ticket";
import { ipInRanges } from "@/lib/net/cidr";
import { resolvePolicy } from "@/lib/two-factor/policies/resolve-policy";
import type { Service } from "@/lib/services/services";
import { hasSecondFactor } from "@/lib/two-factor/devices/has-second-factor";
import { findTrustedDevice, ipTrustedByUser } from "@/lib/trusted-devices/trusted-device-cookie";
import { twoFactorRequirement, type TwoFactorRequirement } from "@/lib/two-factor/requirements/two-factor-requirement";

export type SecondFactorDecision = { stage: LoginStage; skippedBy?: "trusted_ip" | "trusted_device" } | { refused: "enrolment_overdue" };

/**
 * After a correct password: is a second factor needed, and can this sign-in skip it?
 * - Needed when the service's policy is 1 or 2, when an admin requires 2FA (for the account, its
 *   domain, or every administrator), or when the user has enrolled a device (even under policy 0).
 * - Needed but no device yet: enrolment, or refusal once an admin's grace period is over. Nothing
 *   skips this: a trusted IP range, an IP the user trusted or a trusted-device cookie only stand
 *   in for a device the user has, never for one they lack (a cookie can outlive the last device).
 * - With a device, policy 1: an address in the trusted ranges, or one the user trusted, skips it.
 * - With a device, policy 2 (and policy 0): this browser's trusted-device cookie skips it; with
 *   ip_can_change off, only from the IP it was trusted on.
 */
export async function decideSecondFactor(
  input: {
    userId: string;
    domainId: string;
    ip: string;
    trustedDeviceToken?: string;
    service?: Service;
    /** Already read by the caller (the password step: lib/auth/load-sign-in-facts.ts), not read again. */
    known?: { enrolled: boolean; requirement: TwoFactorRequirement };
  },
  now = new Date(),
): Promise<SecondFactorDecision> {
  const [policy, enrolled, requirement] = await Promise.all([
    resolvePolicy(input.domainId, input.service ?? "WebUI"),
    input.known?.enrolled ?? hasSecondFactor(input.userId),
    input.known?.requirement ?? twoFactorRequirement(input.userId, now),
  ]);
  if (!enrolled) {
    if (policy.twoFactorPolicy === 0 && !requirement.required) return { stage: "ready" };
    if (requirement.required && !requirement.inGrace) return { refused: "enrolment_overdue" };
    return { stage: "enrol" };
  }

  if (policy.twoFactorPolicy === 1) {
    if (ipInRanges(input.ip, policy.trustedIpRanges) || (await ipTrustedByUser(input.userId, input.ip, now))) {
      return { stage: "ready", skippedBy: "trusted_ip" };
    }
  } else {
    const device = await findTrustedDevice(input.userId, input.trustedDeviceToken, now);
    // An unknown address ("") is never the same IP as anything, not even another unknown one.
    if (device && (policy.ipCanChange || (!!input.ip && device.ip === input.ip))) return { stage: "ready", skippedBy: "trusted_device" };
  }
  return { stage: "otp" };
}
