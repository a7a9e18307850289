import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { loadSamlConfig, openPrivateKey, saveSamlConfig } from "@/lib/saml/saml-config-store";
import { invalidSamlValue, isSamlKey, normaliseSamlValue, PRIVATE_KEY, type SamlKey, type SamlSettings } from "@/lib/saml/saml-keys";
import { checkSpPrivateKey } from "@/lib/saml/sp-key-pair";

// `saml update <domain> <key> <value>` and `saml delete <domain> <key>` (back to the default).
// A new sp.x509cert must still fit the stored private key, and a new private key the certificate.

export type SamlKeyChange = { domain: string; key: SamlKey; set: boolean };

export async function updateSamlKey(domainName: string, key: string, value: string | boolean | null, actor: Actor): Promise<SamlKeyChange> {
  if (!isSamlKey(key)) throw invalidSamlValue(key, "notAKey");
  const normalised = value === null ? null : normaliseSamlValue(key, value);
  const name = key;
  // Certificates and keys are not copied into the audit trail; the key's name is enough.
  const audited =
    name.endsWith("x509cert") || name === PRIVATE_KEY ? null : typeof normalised === "string" ? normalised.slice(0, 200) : normalised;
  return getDb().$transaction(async (tx) => {
    const stored = await loadSamlConfig(tx, domainName);
    const settings: SamlSettings = { ...stored.settings };
    let privateKey: string | null | undefined;
    if (name === PRIVATE_KEY) {
      privateKey = normalised ? checkSpPrivateKey(String(normalised), String(settings["sp.x509cert"] ?? "")) : null;
    } else {
      if (normalised === null) delete settings[name];
      else settings[name] = normalised;
      const current = openPrivateKey(stored);
      if (name === "sp.x509cert" && current) checkSpPrivateKey(current, String(settings["sp.x509cert"] ?? ""));
    }
    await saveSamlConfig(tx, stored.domain.id, { settings, privateKey });
    await recordAuditEvent(tx, {
      actor,
      action: normalised === null ? "saml.deleteKey" : "saml.updateKey",
      result: "success",
      details: { domain: stored.domain.name, key: name, value: audited },
    });
    return { domain: stored.domain.name, key: name, set: normalised !== null };
  });
}

export function deleteSamlKey(domainName: string, key: string, actor: Actor): Promise<SamlKeyChange> {
  return updateSamlKey(domainName, key, null, actor);
}
