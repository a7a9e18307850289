import { DOMParser } from "@xmldom/xmldom";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { HTTP_POST, HTTP_REDIRECT, normaliseSamlValue, type SamlSettings } from "@/lib/saml/saml-keys";

// Reads an IdP's SAML 2.0 metadata (the XML an IdP publishes at its metadata URL) into the idp.*
// keys: entity id, signing certificates, single sign-on and single logout endpoints.

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DS = "http://www.w3.org/2000/09/xmldsig#";
export const MAX_METADATA_BYTES = 1024 * 1024;

function unreadable(): AppError {
  const message = messageKey("errors.saml.unreadableMetadata");
  return new AppError("invalid_input", message, { file: [message] });
}

function children(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}

/** The endpoint to use: HTTP-Redirect first (what Carbonio sends), else HTTP-POST. */
function endpoint(descriptor: Element, name: string): { url: string; binding: string; responseUrl: string } | null {
  const all = children(descriptor, MD, name).filter((e) => e.parentNode === descriptor);
  const chosen = all.find((e) => e.getAttribute("Binding") === HTTP_REDIRECT) ?? all.find((e) => e.getAttribute("Binding") === HTTP_POST);
  if (!chosen) return null;
  return {
    url: chosen.getAttribute("Location") ?? "",
    binding: chosen.getAttribute("Binding")!,
    responseUrl: chosen.getAttribute("ResponseLocation") ?? "",
  };
}

export function parseIdpMetadata(xml: string): SamlSettings {
  if (Buffer.byteLength(xml) > MAX_METADATA_BYTES) throw unreadable();
  // No document type declarations at all: entity expansion has no place in metadata.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw unreadable();
  let failed = false;
  const fail = () => void (failed = true);
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, "text/xml");
  if (failed || !doc?.documentElement) throw unreadable();

  const entities = [doc.documentElement, ...children(doc.documentElement, MD, "EntityDescriptor")].filter(
    (e) => e.namespaceURI === MD && e.localName === "EntityDescriptor",
  );
  const entity = entities.find((e) => children(e, MD, "IDPSSODescriptor").length > 0);
  const descriptor = entity && children(entity, MD, "IDPSSODescriptor")[0];
  if (!entity || !descriptor) throw unreadable();

  const signingCertificates = children(descriptor, MD, "KeyDescriptor")
    .filter((k) => (k.getAttribute("use") ?? "signing") === "signing")
    .flatMap((k) => children(k, DS, "X509Certificate").map((c) => (c.textContent ?? "").replace(/\s+/g, "")))
    .filter((body, i, all) => body && all.indexOf(body) === i);
  const sso = endpoint(descriptor, "SingleSignOnService");
  if (!sso || signingCertificates.length === 0) throw unreadable();
  const slo = endpoint(descriptor, "SingleLogoutService");

  const raw: Record<string, string> = {
    "idp.entityid": entity.getAttribute("entityID") ?? "",
    "idp.x509cert": signingCertificates.map((body) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`).join(""),
    "idp.single_sign_on_service.url": sso.url,
    "idp.single_sign_on_service.binding": sso.binding,
    "idp.single_logout_service.url": slo?.url ?? "",
    "idp.single_logout_service.binding": slo?.binding ?? HTTP_REDIRECT,
    "idp.single_logout_service.response.url": slo?.responseUrl ?? "",
  };
  if (!raw["idp.entityid"]) throw unreadable();
  const settings: SamlSettings = {};
  for (const [key, value] of Object.entries(raw)) settings[key as keyof SamlSettings] = normaliseSamlValue(key, value);
  return settings;
}
