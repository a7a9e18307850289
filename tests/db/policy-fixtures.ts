// Shared by the policy and two-factor requirement tests: lib modules loaded after the test
// database is set up, and the counts that a refused change must leave alone.
export const DAY = 24 * 60 * 60 * 1000;
export const PASSWORD = "plenty long passphrase";

export async function lib() {
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  const { clearPolicy } = await import("@/lib/two-factor/policies/clear-policy");
  const { listPolicies } = await import("@/lib/two-factor/policies/list-policies");
  const { resolvePolicy } = await import("@/lib/two-factor/policies/resolve-policy");
  return { db: getDb(), createUser, setPolicy, clearPolicy, listPolicies, resolvePolicy };
}

export async function domainId(name: string) {
  const { db } = await lib();
  return (await db.domain.findUniqueOrThrow({ where: { name } })).id;
}

/** Counts that must not move when a change is refused. */
export async function snapshot() {
  const { db } = await lib();
  return {
    policies: await db.authPolicy.count(),
    audit: await db.auditEvent.count(),
    settings: await db.setting.count(),
    domains: JSON.stringify(
      await db.domain.findMany({ orderBy: { name: "asc" }, select: { name: true, require2fa: true, twoFactorGraceDays: true } }),
    ),
  };
}
