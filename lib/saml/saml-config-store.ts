import type { Tx } from "@/lib/db/client";
import { getSettings } from "@/lib/config/settings";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { isSamlKey, type SamlDefaultsContext, type SamlSettings } from "@/lib/saml/saml-keys";

// Reading and writing a domain's SamlConfig row: the keys set (JSON), the SP private key sealed
// with AES-GCM under the column's name, and where the IdP metadata came from.

const KEY_CONTEXT = "SamlConfig.spPrivateKeyEnc";

export type StoredSamlConfig = {
  domain: { id: string; name: string };
  settings: SamlSettings;
  spPrivateKeyEnc: string | null;
  metadataUrl: string | null;
  allowUnsecure: boolean;
  lastRefreshAt: Date | null;
  lastRefreshError: string | null;
};

export function samlDefaultsContext(domain: string): SamlDefaultsContext {
  return { publicUrl: getSettings().publicUrl, domain };
}

export function unknownDomain(name: string): AppError {
  return new AppError("not_found", messageKey("errors.admin.domainMissing", { domain: name.slice(0, 253) }));
}

/** The domain (by name) and its SAML row, if any; an unknown domain is refused. */
export async function loadSamlConfig(tx: Tx, domainName: string): Promise<StoredSamlConfig> {
  const name = domainName.trim().toLowerCase();
  const domain = await tx.domain.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!domain) throw unknownDomain(name);
  const row = await tx.samlConfig.findUnique({ where: { domainId: domain.id }, omit: { spPrivateKeyEnc: false } });
  const parsed = row ? (JSON.parse(row.settings) as Record<string, unknown>) : {};
  const settings: SamlSettings = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (isSamlKey(key) && (typeof value === "string" || typeof value === "boolean")) settings[key] = value;
  }
  return {
    domain,
    settings,
    spPrivateKeyEnc: row?.spPrivateKeyEnc ?? null,
    metadataUrl: row?.metadataUrl ?? null,
    allowUnsecure: row?.allowUnsecure ?? false,
    lastRefreshAt: row?.lastRefreshAt ?? null,
    lastRefreshError: row?.lastRefreshError ?? null,
  };
}

export type SamlConfigChange = {
  settings?: SamlSettings;
  /** A new SP private key (PEM), or null to remove it; undefined keeps the stored one. */
  privateKey?: string | null;
  metadataUrl?: string | null;
  allowUnsecure?: boolean;
  lastRefreshAt?: Date | null;
  lastRefreshError?: string | null;
};

export async function saveSamlConfig(tx: Tx, domainId: string, change: SamlConfigChange): Promise<void> {
  const data = {
    ...(change.settings ? { settings: JSON.stringify(change.settings) } : {}),
    ...(change.privateKey !== undefined
      ? { spPrivateKeyEnc: change.privateKey === null ? null : encryptSecret(change.privateKey, KEY_CONTEXT) }
      : {}),
    ...(change.metadataUrl !== undefined ? { metadataUrl: change.metadataUrl } : {}),
    ...(change.allowUnsecure !== undefined ? { allowUnsecure: change.allowUnsecure } : {}),
    ...(change.lastRefreshAt !== undefined ? { lastRefreshAt: change.lastRefreshAt } : {}),
    ...(change.lastRefreshError !== undefined ? { lastRefreshError: change.lastRefreshError?.slice(0, 500) ?? null } : {}),
  };
  await tx.samlConfig.upsert({ where: { domainId }, create: { domainId, ...data }, update: data });
}

export function openPrivateKey(stored: StoredSamlConfig): string | null {
  return stored.spPrivateKeyEnc ? decryptSecret(stored.spPrivateKeyEnc, KEY_CONTEXT) : null;
}
