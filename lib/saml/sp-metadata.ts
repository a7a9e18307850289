import { generateServiceProviderMetadata } from "@node-saml/node-saml";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { loadSamlConfig, openPrivateKey, samlDefaultsContext } from "@/lib/saml/saml-config-store";
import { withDefaults } from "@/lib/saml/saml-keys";

// The Service Provider metadata an IdP admin imports (`/zx/auth/samlMetadata?domain=D`): entity id,
// assertion consumer service, logout endpoint, NameID format and the SP certificate; signed with
// the SP key when security.sign_metadata is on. Served for every existing domain, SAML configured
// or not, because IdP set-up guides ask for these values before the IdP's own metadata exists.

export async function serviceProviderMetadata(domainName: string): Promise<string | null> {
  const stored = await getDb()
    .$transaction((tx) => loadSamlConfig(tx, domainName))
    .catch((e: unknown) => {
      if (e instanceof AppError && e.code === "not_found") return null;
      throw e;
    });
  if (!stored) return null;
  const keys = withDefaults(stored.settings, samlDefaultsContext(stored.domain.name));
  const certificate = String(keys["sp.x509cert"]) || null;
  const privateKey = keys["security.sign_metadata"] ? openPrivateKey(stored) : null;
  if (keys["security.sign_metadata"] && (!privateKey || !certificate)) {
    throw new AppError("conflict", messageKey("errors.saml.noPrivateKey"));
  }
  const organization = String(keys["organization.name"]);
  return generateServiceProviderMetadata({
    issuer: String(keys["sp.entityid"]),
    callbackUrl: String(keys["sp.assertion_consumer_service.url"]),
    logoutCallbackUrl: String(keys["sp.single_logout_service.url"]),
    identifierFormat: String(keys["sp.nameidformat"]),
    wantAssertionsSigned: keys["security.want_assertions_signed"] === true,
    publicCerts: certificate,
    decryptionCert: keys["security.want_assertions_encrypted"] === true ? certificate : null,
    signMetadata: privateKey !== null,
    ...(privateKey
      ? {
          privateKey,
          signatureAlgorithm:
            keys["security.signature_algorithm"] === "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" ? "sha512" : "sha256",
        }
      : {}),
    ...(organization
      ? {
          metadataOrganization: {
            OrganizationName: [{ "@xml:lang": "en", "#text": organization }],
            OrganizationDisplayName: [{ "@xml:lang": "en", "#text": String(keys["organization.displayname"]) || organization }],
            OrganizationURL: [
              { "@xml:lang": "en", "#text": String(keys["organization.url"]) || samlDefaultsContext(stored.domain.name).publicUrl },
            ],
          },
        }
      : {}),
  });
}
