import { noteAccessChanged } from "@/lib/gate/access-changes";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { resolvePolicyScope } from "@/lib/two-factor/policies/policy-scope";
import type { PolicyTarget } from "@/lib/two-factor/policies/policy-values";
import { requireService } from "@/lib/services/require-service";
import type { Service } from "@/lib/services/services";

/**
 * Removes a service's explicit policy at one scope: a domain then follows the global policy again,
 * and the global scope falls back to the default (no second factor).
 */
export async function clearPolicy(
  target: PolicyTarget,
  serviceName: Service | string,
  actor: Actor,
): Promise<{ service: Service; scope: string; removed: boolean }> {
  const service = requireService(serviceName);
  return getDb().$transaction(async (tx) => {
    const scope = await resolvePolicyScope(tx, target);
    const { count } = await tx.authPolicy.deleteMany({ where: { scope: scope.scope, service } });
    if (count > 0) {
      noteAccessChanged(null);
      await recordAuditEvent(tx, { actor, action: "policy.clear", result: "success", details: { scope: scope.label, service } });
    }
    return { service, scope: scope.label, removed: count > 0 };
  });
}
