import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadSamlConfig } from "@/lib/saml/saml-config-store";
import { samlDomain, samlReady, type SamlDomain } from "@/lib/saml/saml-service-provider";

// Which domain's SAML configuration applies: by name (the login page, ?domain=), by id (a request
// we stored), or by the IdP's entity id (a response nobody asked for: IdP-initiated login or logout).

const MAX_DOMAIN_NAME = 253;

/** The domain's SAML set-up when it can sign people in; null for an unknown or unconfigured domain. */
export async function findSamlDomain(name: string | null | undefined): Promise<SamlDomain | null> {
  if (!name || name.length > MAX_DOMAIN_NAME) return null;
  try {
    const d = samlDomain(await getDb().$transaction((tx) => loadSamlConfig(tx, name)));
    return samlReady(d.keys) ? d : null;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}

export async function findSamlDomainById(domainId: string): Promise<SamlDomain | null> {
  const domain = await getDb().domain.findUnique({ where: { id: domainId }, select: { name: true } });
  return domain ? findSamlDomain(domain.name) : null;
}

/**
 * The configured domains whose IdP has this entity id. `hint` (the ?domain= of Azure's Reply URL)
 * narrows several domains sharing one IdP down to one.
 */
export async function findSamlDomainForIssuer(issuer: string, hint?: string | null): Promise<SamlDomain | null> {
  if (!issuer || issuer.length > 1024) return null;
  if (hint) {
    const d = await findSamlDomain(hint);
    return d && d.keys["idp.entityid"] === issuer ? d : null;
  }
  const rows = await getDb().samlConfig.findMany({ select: { domain: { select: { name: true } }, settings: true } });
  const named = rows.filter((r) => (JSON.parse(r.settings) as Record<string, unknown>)["idp.entityid"] === issuer);
  // Several domains behind one IdP and no hint: the signature cannot tell which domain was meant.
  if (named.length !== 1) return null;
  return findSamlDomain(named[0].domain.name);
}
