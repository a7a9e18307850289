import { getDb, type Tx } from "@/lib/db/client";
import { resolvePolicyScope } from "@/lib/two-factor/policies/policy-scope";
import { DEFAULT_POLICY, GLOBAL_SCOPE, type PolicyTarget, type PolicyValues } from "@/lib/two-factor/policies/policy-values";
import { pickEffective, storedPolicyValues, type EffectivePolicy } from "@/lib/two-factor/policies/resolve-policy";
import { requireService } from "@/lib/services/require-service";
import { SERVICES, type Service } from "@/lib/services/services";

export type PolicyListEntry = {
  service: Service;
  /** What is set at this scope itself, or null when it follows the level above. */
  explicit: PolicyValues | null;
  /** What sign-ins of this scope get, and where it comes from. */
  applies: PolicyValues & { source: EffectivePolicy["source"] };
};

export type PolicyList = { scope: "global" | "domain"; domain: string | null; policies: PolicyListEntry[] };

/** Every service's policy at one scope (or just one service), showing explicit values and what applies. */
export async function listPolicies(target: PolicyTarget, opts: { service?: string } = {}): Promise<PolicyList> {
  const services = opts.service !== undefined ? [requireService(opts.service)] : [...SERVICES];
  const tx = getDb() as unknown as Tx;
  const scope = await resolvePolicyScope(tx, target);
  const rows = await tx.authPolicy.findMany({ where: { service: { in: services }, scope: { in: [scope.scope, GLOBAL_SCOPE] } } });
  const policies = services.map((service): PolicyListEntry => {
    const mine = rows.filter((r) => r.service === service);
    const own = mine.find((r) => r.scope === scope.scope);
    const { row, source } = pickEffective(mine, scope.domainId);
    const values = row ? storedPolicyValues(row) : { ...DEFAULT_POLICY, trustedIpRanges: [] };
    return {
      service,
      explicit: own ? plain(storedPolicyValues(own)) : null,
      applies: { ...plain(values), source },
    };
  });
  return { scope: scope.domainId ? "domain" : "global", domain: scope.domainId ? scope.label : null, policies };
}

const plain = (v: PolicyValues): PolicyValues => ({
  twoFactorPolicy: v.twoFactorPolicy,
  trustedIpRanges: v.trustedIpRanges,
  ipCanChange: v.ipCanChange,
});
