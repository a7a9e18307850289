import { getDb } from "@/lib/db/client";

/**
 * Whether the domain's people sign in by SAML only (gatehouse.saml_only). One primary-key read:
 * it sits on the password sign-in path. Only the key itself is read, not the whole configuration.
 */
export async function isSamlOnlyDomain(domainId: string): Promise<boolean> {
  const row = await getDb().samlConfig.findUnique({ where: { domainId }, select: { settings: true } });
  return samlOnlyIn(row?.settings);
}

/** Whether a domain's stored SAML settings (JSON) say SAML only; no configuration says no. */
export function samlOnlyIn(settings: string | null | undefined): boolean {
  if (!settings) return false;
  return (JSON.parse(settings) as Record<string, unknown>)["gatehouse.saml_only"] === true;
}
