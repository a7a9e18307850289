import { generateSpKeyPair } from "@/lib/saml/sp-key-pair";
import { HTTP_POST, HTTP_REDIRECT } from "@/lib/saml/saml-keys";

// IdP metadata and key pairs for the SAML tests (unit, database and CLI).

export const keyPair = (days = 30) => generateSpKeyPair({ commonName: "idp.test", days, digest: "SHA256", encryption: "RSA:2048" });
export const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

export function idpMetadata(opts: { entityId: string; certificates: string[]; sso: string; slo?: string }): string {
  const keys = opts.certificates
    .map(
      (c) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${bare(c)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join("");
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${opts.entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    ${keys}
    <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBogus</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    ${opts.slo ? `<md:SingleLogoutService Binding="${HTTP_REDIRECT}" Location="${opts.slo}"/>` : ""}
    <md:SingleSignOnService Binding="${HTTP_POST}" Location="${opts.sso}/post"/>
    <md:SingleSignOnService Binding="${HTTP_REDIRECT}" Location="${opts.sso}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}
