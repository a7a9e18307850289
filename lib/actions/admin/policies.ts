"use server";
import { messageKey } from "@/lib/i18n/message-key";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { clearPolicy } from "@/lib/two-factor/policies/clear-policy";
import type { PolicyTarget } from "@/lib/two-factor/policies/policy-values";
import { setPolicy } from "@/lib/two-factor/policies/set-policy";
import { setTrustedDeviceLifetimeDays } from "@/lib/two-factor/policies/trusted-device-lifetime";
import { setAdminsRequireTwoFactor } from "@/lib/two-factor/requirements/admin-two-factor-setting";
import { setDomainTwoFactorRequired } from "@/lib/two-factor/requirements/set-two-factor-requirement";
import { checkboxField, domainNameField } from "@/lib/validation/fields";

// "global", or a domain name (domain names always contain a dot, so they never collide).
const scopeField = z.string().trim().min(1).max(253);
const targetOf = (scope: string): PolicyTarget => (scope.toLowerCase() === "global" ? { scope: "global" } : { domain: scope });
const serviceField = z.string().trim().min(1).max(40);
const wholeNumber = z.string().trim().max(6).regex(/^\d+$/, messageKey("validation.admin.wholeDays")).transform(Number);

export const setPolicyAction = defineAction(
  {
    name: "admin.policy.set",
    access: "admin",
    input: z.object({
      service: serviceField,
      scope: scopeField,
      twoFactorPolicy: z.enum(["0", "1", "2"], messageKey("validation.admin.policyChoice")).transform(Number),
      trustedIpRanges: z.string().max(7000, messageKey("validation.admin.rangesTooLong")).default(""),
      ipCanChange: checkboxField,
    }),
  },
  async ({ service, scope, ...changes }, ctx) => setPolicy(targetOf(scope), service, changes, ctx.actor),
);

export const clearPolicyAction = defineAction(
  { name: "admin.policy.clear", access: "admin", input: z.object({ service: serviceField, scope: scopeField }) },
  async ({ service, scope }, ctx) => clearPolicy(targetOf(scope), service, ctx.actor),
);

export const setTrustedDeviceLifetimeAction = defineAction(
  { name: "admin.policy.trusted_device_lifetime", access: "admin", input: z.object({ days: wholeNumber }) },
  async ({ days }, ctx) => ({ days: await setTrustedDeviceLifetimeDays(days, ctx.actor) }),
);

export const setDomainTwoFactorRequiredAction = defineAction(
  {
    name: "admin.domain.2fa_requirement",
    access: "admin",
    input: z.object({ domain: domainNameField, required: checkboxField, graceDays: wholeNumber }),
  },
  async ({ domain, required, graceDays }, ctx) => {
    await setDomainTwoFactorRequired(domain, { required, graceDays }, ctx.actor);
    return { domain, required, graceDays };
  },
);

export const setAdminTwoFactorRequiredAction = defineAction(
  { name: "admin.policy.admin_2fa_requirement", access: "admin", input: z.object({ required: checkboxField }) },
  async ({ required }, ctx) => setAdminsRequireTwoFactor(required, ctx.actor),
);
