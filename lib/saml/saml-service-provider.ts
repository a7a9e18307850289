import { SAML, ValidateInResponseTo, type CacheProvider } from "@node-saml/node-saml";
import { openPrivateKey, samlDefaultsContext, type StoredSamlConfig } from "@/lib/saml/saml-config-store";
import { RSA_SHA512, splitCertificates, withDefaults, type SamlKey, type SamlValue } from "@/lib/saml/saml-keys";

// One node-saml instance per message, built from a domain's stored keys. node-saml keeps the
// cryptography and the assertion checks; what it leaves out (Destination, Recipient, SHA-1,
// replayed assertion ids, a request store shared across instances) is in check-saml-response.ts
// and saml-request-store.ts.

/** Clock skew tolerated between us and the IdP (security checklist: at most 3 minutes). */
export const SAML_CLOCK_SKEW_MS = 3 * 60 * 1000;
/** How long an IdP may take to answer one of our requests (a person typing a password, MFA). */
export const SAML_REQUEST_TTL_MS = 30 * 60 * 1000;

export type SamlDomain = {
  domain: { id: string; name: string };
  keys: Record<SamlKey, SamlValue>;
  stored: StoredSamlConfig;
};

export function samlDomain(stored: StoredSamlConfig): SamlDomain {
  return { domain: stored.domain, keys: withDefaults(stored.settings, samlDefaultsContext(stored.domain.name)), stored };
}

/** Whether a domain has enough SAML configuration to sign anyone in. */
export function samlReady(keys: Record<SamlKey, SamlValue>): boolean {
  return Boolean(keys["idp.entityid"] && keys["idp.single_sign_on_service.url"] && splitCertificates(String(keys["idp.x509cert"])).length);
}

export const text = (keys: Record<SamlKey, SamlValue>, key: SamlKey): string => String(keys[key] ?? "");
export const enabled = (keys: Record<SamlKey, SamlValue>, key: SamlKey): boolean => keys[key] === true;

/**
 * A node-saml client for one domain. `sign` says whether the outgoing message of this operation
 * must be signed (node-saml signs whenever it holds a private key, so the key is only handed over
 * when the domain's security.* key asks for it).
 */
export function samlClient(
  d: SamlDomain,
  opts: { sign?: boolean; cacheProvider?: CacheProvider; requestId?: string; logoutResponse?: boolean } = {},
): SAML {
  const { keys } = d;
  const privateKey = opts.sign ? openPrivateKey(d.stored) : null;
  if (opts.sign && !privateKey) throw new Error("the domain has no SP private key to sign with");
  const binding = (key: SamlKey) => (text(keys, key).endsWith("HTTP-POST") ? "HTTP-POST" : "HTTP-Redirect");
  return new SAML({
    issuer: text(keys, "sp.entityid"),
    audience: text(keys, "sp.entityid"),
    callbackUrl: text(keys, "sp.assertion_consumer_service.url"),
    logoutCallbackUrl: text(keys, "sp.single_logout_service.url"),
    entryPoint: text(keys, "idp.single_sign_on_service.url"),
    // A LogoutResponse goes to the IdP's ResponseLocation when it has one.
    logoutUrl: (opts.logoutResponse && text(keys, "idp.single_logout_service.response.url")) || text(keys, "idp.single_logout_service.url"),
    idpIssuer: text(keys, "idp.entityid"),
    idpCert: splitCertificates(text(keys, "idp.x509cert")),
    identifierFormat: text(keys, "sp.nameidformat") || null,
    authnRequestBinding: binding("idp.single_sign_on_service.binding"),
    // One of the two is always required: node-saml checks the assertion's signature whenever the
    // response as a whole is unsigned.
    wantAuthnResponseSigned: enabled(keys, "security.want_messages_signed"),
    wantAssertionsSigned: enabled(keys, "security.want_assertions_signed"),
    disableRequestedAuthnContext: !enabled(keys, "security.requested_authncontext"),
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    requestIdExpirationPeriodMs: SAML_REQUEST_TTL_MS,
    validateInResponseTo: ValidateInResponseTo.ifPresent,
    ...(opts.cacheProvider ? { cacheProvider: opts.cacheProvider } : {}),
    ...(opts.requestId ? { generateUniqueId: () => opts.requestId! } : {}),
    ...(privateKey
      ? { privateKey, signatureAlgorithm: text(keys, "security.signature_algorithm") === RSA_SHA512 ? "sha512" : "sha256" }
      : {}),
  });
}
