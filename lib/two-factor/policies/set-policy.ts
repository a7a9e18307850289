import { noteAccessChanged } from "@/lib/gate/access-changes";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { formatIpRanges, parseIpRanges, type IpRange } from "@/lib/net/cidr";
import { resolvePolicyScope } from "@/lib/two-factor/policies/policy-scope";
import {
  DEFAULT_POLICY,
  GLOBAL_SCOPE,
  isTwoFactorPolicy,
  type PolicyTarget,
  type PolicyValues,
} from "@/lib/two-factor/policies/policy-values";
import { pickEffective, storedPolicyValues } from "@/lib/two-factor/policies/resolve-policy";
import { requireService } from "@/lib/services/require-service";
import type { Service } from "@/lib/services/services";

export type PolicyChanges = {
  twoFactorPolicy?: number;
  /** Comma-separated CIDRs (or a list of them); empty clears the ranges. */
  trustedIpRanges?: string | readonly string[];
  ipCanChange?: boolean;
};

export type PolicyView = PolicyValues & { service: Service; scope: "global" | "domain"; domain: string | null };

/** Checks every given field before anything is written, so a refused change leaves no trace. */
function validateChanges(changes: PolicyChanges): { twoFactorPolicy?: 0 | 1 | 2; ranges?: IpRange[]; ipCanChange?: boolean } {
  const { twoFactorPolicy, trustedIpRanges, ipCanChange } = changes;
  if (twoFactorPolicy === undefined && trustedIpRanges === undefined && ipCanChange === undefined) {
    throw new AppError("invalid_input", messageKey("errors.admin.policyNothingToChange"));
  }
  if (twoFactorPolicy !== undefined && !isTwoFactorPolicy(twoFactorPolicy)) {
    throw new AppError("invalid_input", messageKey("errors.admin.policyValueInvalid"), {
      twoFactorPolicy: [messageKey("validation.admin.policyValueInvalid")],
    });
  }
  if (ipCanChange !== undefined && typeof ipCanChange !== "boolean") {
    throw new AppError("invalid_input", messageKey("errors.admin.ipCanChangeInvalid"), {
      ipCanChange: [messageKey("validation.admin.trueOrFalse")],
    });
  }
  let ranges: IpRange[] | undefined;
  if (trustedIpRanges !== undefined) {
    const text = typeof trustedIpRanges === "string" ? trustedIpRanges : trustedIpRanges.join(",");
    try {
      ranges = parseIpRanges(text);
    } catch (e) {
      // lib/net/cidr names its field trustedIpRange; forms here use the property name.
      if (e instanceof AppError) throw new AppError(e.code, e.text, { trustedIpRanges: [e.text] });
      throw e;
    }
  }
  return { twoFactorPolicy, ranges, ipCanChange };
}

/**
 * Sets a service's 2FA policy for everyone (global) or for one domain, which then overrides the
 * global one as a whole. Fields left out keep their current value; a new domain row starts from
 * what applied before (the global policy, else the default), so setting one field never silently
 * resets the others.
 */
export async function setPolicy(
  target: PolicyTarget,
  serviceName: Service | string,
  changes: PolicyChanges,
  actor: Actor,
): Promise<PolicyView> {
  const service = requireService(serviceName);
  const valid = validateChanges(changes);
  return getDb().$transaction(async (tx) => {
    const scope = await resolvePolicyScope(tx, target);
    const rows = await tx.authPolicy.findMany({ where: { service, scope: { in: [scope.scope, GLOBAL_SCOPE] } } });
    const existing = rows.find((r) => r.scope === scope.scope) ?? null;
    const { row: base } = pickEffective(rows, scope.domainId);
    const before: PolicyValues = base ? storedPolicyValues(base) : { ...DEFAULT_POLICY };
    const next = {
      twoFactorPolicy: valid.twoFactorPolicy ?? before.twoFactorPolicy,
      trustedIpRanges: valid.ranges ? formatIpRanges(valid.ranges) : before.trustedIpRanges.join(","),
      ipCanChange: valid.ipCanChange ?? before.ipCanChange,
    };
    const saved = await tx.authPolicy.upsert({
      where: { scope_service: { scope: scope.scope, service } },
      create: { scope: scope.scope, domainId: scope.domainId, service, ...next },
      update: next,
    });
    noteAccessChanged(null); // the gate decides anew under the new policy
    await recordAuditEvent(tx, {
      actor,
      action: "policy.set",
      result: "success",
      details: {
        scope: scope.label,
        service,
        twoFactorPolicy: next.twoFactorPolicy,
        trustedIpRanges: next.trustedIpRanges.length > 300 ? `${next.trustedIpRanges.slice(0, 300)}…` : next.trustedIpRanges,
        ipCanChange: next.ipCanChange,
        previousPolicy: existing ? existing.twoFactorPolicy : null,
      },
    });
    const values = storedPolicyValues(saved);
    return {
      service,
      scope: scope.domainId ? "domain" : "global",
      domain: scope.domainId ? scope.label : null,
      twoFactorPolicy: values.twoFactorPolicy,
      trustedIpRanges: values.trustedIpRanges,
      ipCanChange: values.ipCanChange,
    };
  });
}
