import { X509Certificate } from "node:crypto";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

// Carbonio's saml.json key set (../shared/reference/carbonio-auth.md), plus Gatehouse's own
// per-domain switches under "gatehouse.". Keys are flat and dotted, as Carbonio prints them, so a
// file exported here or from Carbonio imports unchanged. Values are strings or booleans.

export const HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
export const HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
export const NAMEID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
export const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
export const RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
export const RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";

export type SamlValue = string | boolean;
type KeyKind = "text" | "url" | "binding" | "certificate" | "certificates" | "privateKey" | "boolean" | "signatureAlgorithm";
type KeyDefinition = { kind: KeyKind; fallback: (ctx: SamlDefaultsContext) => SamlValue };
export type SamlDefaultsContext = { publicUrl: string; domain: string };

const text = (value = ""): KeyDefinition => ({ kind: "text", fallback: () => value });
const flag = (value = false): KeyDefinition => ({ kind: "boolean", fallback: () => value });
const url = (fallback: (ctx: SamlDefaultsContext) => string = () => ""): KeyDefinition => ({ kind: "url", fallback });
const binding = (value: string): KeyDefinition => ({ kind: "binding", fallback: () => value });

/** The SP's entity id: Carbonio's metadata URL, which IdP guides paste as the Identifier. */
export function spEntityId(ctx: SamlDefaultsContext): string {
  return `${ctx.publicUrl}/zx/auth/samlMetadata?domain=${encodeURIComponent(ctx.domain)}`;
}

export const SAML_KEYS = {
  "sp.entityid": url(spEntityId),
  "sp.assertion_consumer_service.url": url((c) => `${c.publicUrl}/zx/auth/saml`),
  "sp.assertion_consumer_service.binding": binding(HTTP_POST),
  "sp.single_logout_service.url": url((c) => `${c.publicUrl}/zx/auth/logout`),
  "sp.single_logout_service.binding": binding(HTTP_REDIRECT),
  "sp.nameidformat": text(NAMEID_EMAIL),
  "sp.x509cert": { kind: "certificate", fallback: () => "" },
  "sp.privatekey": { kind: "privateKey", fallback: () => "" },
  "idp.entityid": text(),
  // One certificate or several (PEM blocks one after another): during an IdP's key rotation a
  // response signed by any of them is accepted.
  "idp.x509cert": { kind: "certificates", fallback: () => "" },
  "idp.single_sign_on_service.url": url(),
  "idp.single_sign_on_service.binding": binding(HTTP_REDIRECT),
  "idp.single_logout_service.url": url(),
  "idp.single_logout_service.binding": binding(HTTP_REDIRECT),
  "idp.single_logout_service.response.url": url(),
  "organization.name": text(),
  "organization.displayname": text(),
  "organization.url": url(),
  "security.requested_authncontext": flag(),
  "security.requested_authncontextcomparison": text("exact"),
  "security.signature_algorithm": { kind: "signatureAlgorithm", fallback: () => RSA_SHA256 },
  "security.nameid_encrypted": flag(),
  "security.want_nameid_encrypted": flag(),
  "security.want_assertions_encrypted": flag(),
  "security.want_assertions_signed": flag(),
  "security.want_messages_signed": flag(),
  "security.authnrequest_signed": flag(),
  "security.logoutrequest_signed": flag(),
  "security.logoutresponse_signed": flag(),
  "security.sign_metadata": flag(),
  "security.want_xml_validation": flag(true),
  debug: flag(),
  // Gatehouse's own, all off by default (issue 11).
  "gatehouse.allow_idp_initiated": flag(),
  "gatehouse.require_second_factor": flag(),
  "gatehouse.create_unknown_users": flag(),
  "gatehouse.saml_only": flag(),
  "gatehouse.allow_sha1": flag(),
} satisfies Record<string, KeyDefinition>;

export type SamlKey = keyof typeof SAML_KEYS;
export type SamlSettings = Partial<Record<SamlKey, SamlValue>>;
export const SAML_KEY_NAMES = Object.keys(SAML_KEYS) as SamlKey[];
/** The one key stored apart (encrypted) and shown only by an explicit, audited export. */
export const PRIVATE_KEY: SamlKey = "sp.privatekey";

const MAX_TEXT = 1024;
const MAX_PEM = 16 * 1024;
const SIGNATURE_ALGORITHMS = new Set([RSA_SHA256, RSA_SHA512, RSA_SHA1]);

export function isSamlKey(key: string): key is SamlKey {
  return Object.hasOwn(SAML_KEYS, key);
}

// One message key per reason, written out so the catalogue test sees every key in use.
const REASONS = {
  notAKey: (key: string) => messageKey("errors.saml.notAKey", { key }),
  notBoolean: (key: string) => messageKey("errors.saml.notBoolean", { key }),
  notText: (key: string) => messageKey("errors.saml.notText", { key }),
  tooLong: (key: string) => messageKey("errors.saml.tooLong", { key }),
  controlCharacters: (key: string) => messageKey("errors.saml.controlCharacters", { key }),
  notUrl: (key: string) => messageKey("errors.saml.notUrl", { key }),
  badBinding: (key: string) => messageKey("errors.saml.badBinding", { key }),
  badSignatureAlgorithm: (key: string) => messageKey("errors.saml.badSignatureAlgorithm", { key }),
  notCertificate: (key: string) => messageKey("errors.saml.notCertificate", { key }),
};

export function invalidSamlValue(key: string, reason: keyof typeof REASONS): AppError {
  const message = REASONS[reason](key.slice(0, 80));
  return new AppError("invalid_input", message, { [key.slice(0, 80)]: [message] });
}

const MAX_CERTIFICATES = 5;

/** Certificates as PEM on 64-character lines, whatever the input's wrapping; a bare base64 body
 * (as IdP metadata and many saml.json files hold it) counts as one certificate. */
export function splitCertificates(raw: string): string[] {
  const blocks = raw.includes("-----BEGIN")
    ? [...raw.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => m[1])
    : [raw];
  return blocks.map((block) => {
    const body = block.replace(/\s+/g, "");
    if (!body || !/^[A-Za-z0-9+/=]+$/.test(body)) return "";
    return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
  });
}

/** Checks and normalises one value; throws AppError("invalid_input") naming the key. */
export function normaliseSamlValue(key: string, raw: unknown): SamlValue {
  if (!isSamlKey(key)) throw invalidSamlValue(key, "notAKey");
  const { kind } = SAML_KEYS[key] as KeyDefinition;
  if (kind === "boolean") {
    if (typeof raw === "boolean") return raw;
    const word = String(raw).trim().toLowerCase();
    if (word === "true" || word === "false") return word === "true";
    throw invalidSamlValue(key, "notBoolean");
  }
  if (typeof raw !== "string") throw invalidSamlValue(key, "notText");
  const value = raw.trim();
  const long = kind === "certificate" || kind === "certificates" || kind === "privateKey";
  if (value.length > (long ? MAX_PEM * (kind === "certificates" ? MAX_CERTIFICATES : 1) : MAX_TEXT)) throw invalidSamlValue(key, "tooLong");
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) throw invalidSamlValue(key, "controlCharacters");
  if (value === "") return "";
  switch (kind) {
    case "url": {
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        throw invalidSamlValue(key, "notUrl");
      }
      if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw invalidSamlValue(key, "notUrl");
      return value;
    }
    case "binding":
      if (value !== HTTP_POST && value !== HTTP_REDIRECT) throw invalidSamlValue(key, "badBinding");
      return value;
    case "signatureAlgorithm":
      if (!SIGNATURE_ALGORITHMS.has(value)) throw invalidSamlValue(key, "badSignatureAlgorithm");
      return value;
    case "certificate":
    case "certificates": {
      const pems = splitCertificates(value);
      if (pems.length === 0 || pems.length > (kind === "certificate" ? 1 : MAX_CERTIFICATES)) throw invalidSamlValue(key, "notCertificate");
      for (const pem of pems) {
        try {
          new X509Certificate(pem);
        } catch {
          throw invalidSamlValue(key, "notCertificate");
        }
      }
      return pems.join("");
    }
    case "privateKey":
      return value; // checked by lib/saml/sp-key-pair.ts, which also matches it to sp.x509cert
    default:
      return value;
  }
}

/** The effective value of every key: what is set, else the default for this domain. */
export function withDefaults(settings: SamlSettings, ctx: SamlDefaultsContext): Record<SamlKey, SamlValue> {
  const out = {} as Record<SamlKey, SamlValue>;
  for (const key of SAML_KEY_NAMES) out[key] = settings[key] ?? (SAML_KEYS[key] as KeyDefinition).fallback(ctx);
  return out;
}
