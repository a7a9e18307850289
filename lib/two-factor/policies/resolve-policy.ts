import { getDb, type Tx } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { parseIpRanges, type IpRange } from "@/lib/net/cidr";
import {
  DEFAULT_POLICY,
  GLOBAL_SCOPE,
  isTwoFactorPolicy,
  type PolicyValues,
  type TwoFactorPolicy,
} from "@/lib/two-factor/policies/policy-values";
import type { Service } from "@/lib/services/services";

export type EffectivePolicy = {
  service: Service;
  twoFactorPolicy: 0 | 1 | 2;
  trustedIpRanges: IpRange[];
  ipCanChange: boolean;
  source: "domain" | "global" | "default";
};

type PolicyRow = { scope: string; service: string; twoFactorPolicy: number; trustedIpRanges: string; ipCanChange: boolean };

/**
 * A stored row as values. Rows are validated on the way in, so a bad value here means someone
 * edited the database by hand: fail closed (2FA required, no range trusted) and say so in the log.
 */
export function storedPolicyValues(row: PolicyRow): PolicyValues & { ranges: IpRange[] } {
  let twoFactorPolicy: TwoFactorPolicy = 2;
  if (isTwoFactorPolicy(row.twoFactorPolicy)) twoFactorPolicy = row.twoFactorPolicy;
  else log.error("policy.stored_invalid", { scope: row.scope, service: row.service, field: "twoFactorPolicy" });
  let ranges: IpRange[] = [];
  try {
    ranges = parseIpRanges(row.trustedIpRanges);
  } catch {
    log.error("policy.stored_invalid", { scope: row.scope, service: row.service, field: "trustedIpRanges" });
  }
  return { twoFactorPolicy, trustedIpRanges: ranges.map((r) => r.cidr), ipCanChange: row.ipCanChange, ranges };
}

/** Picks what applies from the rows of one service: the domain's row, else the global one, else the default. */
export function pickEffective(
  rows: readonly PolicyRow[],
  domainId: string | null,
): { row: PolicyRow | null; source: EffectivePolicy["source"] } {
  const domainRow = domainId ? rows.find((r) => r.scope === domainId) : undefined;
  if (domainRow) return { row: domainRow, source: "domain" };
  const globalRow = rows.find((r) => r.scope === GLOBAL_SCOPE);
  if (globalRow) return { row: globalRow, source: "global" };
  return { row: null, source: "default" };
}

/** The domain's policy for the service if set, else the global one, else the default (policy 0, no ranges, ipCanChange true). */
export async function resolvePolicy(domainId: string, service: Service, tx: Tx = getDb() as unknown as Tx): Promise<EffectivePolicy> {
  const rows = await tx.authPolicy.findMany({ where: { service, scope: { in: [domainId, GLOBAL_SCOPE] } } });
  const { row, source } = pickEffective(rows, domainId);
  if (!row)
    return {
      service,
      twoFactorPolicy: DEFAULT_POLICY.twoFactorPolicy,
      trustedIpRanges: [],
      ipCanChange: DEFAULT_POLICY.ipCanChange,
      source,
    };
  const values = storedPolicyValues(row);
  return { service, twoFactorPolicy: values.twoFactorPolicy, trustedIpRanges: values.ranges, ipCanChange: values.ipCanChange, source };
}
