import { getDb } from "@/lib/db/client";

/**
 * Whether the domain's people sign in by SAML only (gatehouse.saml_only). One primary-key read:
 * it sits on the password sign-in path. Only the key itself is read, not the whole configuration.
 */
export async function isSamlOnlyDomain(domainId: string): Promise<boolean> {
  const row = await getDb().samlConfig.findUnique({ where: { domainId }, select: { settings: true } });
  if (!row) return false;
  return (JSON.parse(row.settings) as Record<string, unknown>)["gatehouse.saml_only"] === true;
}
