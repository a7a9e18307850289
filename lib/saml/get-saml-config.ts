import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { loadSamlConfig, openPrivateKey, samlDefaultsContext } from "@/lib/saml/saml-config-store";
import { invalidSamlValue, isSamlKey, PRIVATE_KEY, withDefaults, type SamlKey, type SamlValue } from "@/lib/saml/saml-keys";

// `saml get`: the domain's effective key set (set values over defaults), as saml.json. The SP
// private key is left out unless asked for by name or by an export, and then the read is audited.

export type SamlConfigView = {
  domain: string;
  /** Every key with its effective value; sp.privatekey only when asked for. */
  settings: Partial<Record<SamlKey, SamlValue>>;
  /** Keys set for this domain (the rest are defaults). */
  setKeys: SamlKey[];
  hasPrivateKey: boolean;
  metadataUrl: string | null;
  /** Whether that URL may be plain http (kept for the daily refresh). */
  allowUnsecure: boolean;
  lastRefreshAt: Date | null;
  lastRefreshError: string | null;
};

export async function getSamlConfig(
  domainName: string,
  options: { key?: string; withPrivateKey?: boolean },
  actor: Actor,
): Promise<SamlConfigView> {
  if (options.key !== undefined && !isSamlKey(options.key)) throw invalidSamlValue(options.key, "notAKey");
  const revealKey = options.withPrivateKey === true || options.key === PRIVATE_KEY;
  return getDb().$transaction(async (tx) => {
    const stored = await loadSamlConfig(tx, domainName);
    const effective: Partial<Record<SamlKey, SamlValue>> = withDefaults(stored.settings, samlDefaultsContext(stored.domain.name));
    delete effective[PRIVATE_KEY];
    const privateKey = revealKey ? openPrivateKey(stored) : null;
    if (options.key === PRIVATE_KEY && !privateKey) throw new AppError("not_found", messageKey("errors.saml.noPrivateKey"));
    // An export of a domain without an SP key yet is still a complete file, without the key.
    if (privateKey) {
      effective[PRIVATE_KEY] = privateKey;
      await recordAuditEvent(tx, { actor, action: "saml.exportPrivateKey", result: "success", details: { domain: stored.domain.name } });
    }
    const settings = options.key ? { [options.key]: effective[options.key as SamlKey] ?? "" } : effective;
    return {
      domain: stored.domain.name,
      settings,
      setKeys: Object.keys(stored.settings) as SamlKey[],
      hasPrivateKey: stored.spPrivateKeyEnc !== null,
      metadataUrl: stored.metadataUrl,
      allowUnsecure: stored.allowUnsecure,
      lastRefreshAt: stored.lastRefreshAt,
      lastRefreshError: stored.lastRefreshError,
    };
  });
}
