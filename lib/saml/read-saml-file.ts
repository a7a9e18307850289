import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { MAX_METADATA_BYTES, parseIdpMetadata } from "@/lib/saml/parse-idp-metadata";
import { normaliseSamlValue, PRIVATE_KEY, type SamlKey, type SamlSettings } from "@/lib/saml/saml-keys";
import { checkSpPrivateKey } from "@/lib/saml/sp-key-pair";

// A file an admin imports or validates: Carbonio's saml.json (flat dotted keys, or the same keys
// nested as objects) or an IdP's metadata XML. Every key is checked; nothing is stored here.

export type SamlFile =
  { kind: "saml.json"; settings: SamlSettings; privateKey: string | null } | { kind: "metadata"; settings: SamlSettings; privateKey: null };

function unreadableJson(): AppError {
  const message = messageKey("errors.saml.unreadableFile");
  return new AppError("invalid_input", message, { file: [message] });
}

/** {"sp": {"entityid": "…"}} and {"sp.entityid": "…"} both become "sp.entityid". */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>, depth: number): void {
  if (depth > 6) throw unreadableJson();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    return;
  }
  if (out.has(prefix)) throw unreadableJson();
  out.set(prefix, value);
}

export function readSamlFile(content: string): SamlFile {
  if (Buffer.byteLength(content) > MAX_METADATA_BYTES) throw unreadableJson();
  const text = content.replace(/^\uFEFF/, "").trim();
  if (text.startsWith("<")) return { kind: "metadata", settings: parseIdpMetadata(text), privateKey: null };

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unreadableJson();
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw unreadableJson();
  const flat = new Map<string, unknown>();
  flatten(parsed, "", flat, 0);

  const settings: SamlSettings = {};
  let privateKey: string | null = null;
  for (const [key, raw] of flat) {
    const value = normaliseSamlValue(key, raw);
    if (key === PRIVATE_KEY) privateKey = value === "" ? null : String(value);
    else settings[key as SamlKey] = value;
  }
  if (privateKey) privateKey = checkSpPrivateKey(privateKey, String(settings["sp.x509cert"] ?? ""));
  return { kind: "saml.json", settings, privateKey };
}
