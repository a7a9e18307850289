import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { fetchIdpMetadata } from "@/lib/saml/fetch-idp-metadata";
import { parseIdpMetadata } from "@/lib/saml/parse-idp-metadata";
import { readSamlFile } from "@/lib/saml/read-saml-file";
import { loadSamlConfig, openPrivateKey, saveSamlConfig } from "@/lib/saml/saml-config-store";
import type { SamlSettings } from "@/lib/saml/saml-keys";
import { checkSpPrivateKey } from "@/lib/saml/sp-key-pair";

// `saml import`: a saml.json replaces the domain's key set (the SP private key is kept when the
// file has none and it still fits sp.x509cert, so export → edit → import keeps it); IdP metadata,
// from a file or a URL, replaces only the idp.* keys. A URL is remembered for the refresh.

export type SamlImportSource = { file: string } | { url: string; allowUnsecure?: boolean };
export type SamlImportResult = { domain: string; kind: "saml.json" | "metadata"; keys: number; metadataUrl: string | null };

function withIdpKeys(current: SamlSettings, idp: SamlSettings): SamlSettings {
  const kept = Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith("idp."))) as SamlSettings;
  return { ...kept, ...idp };
}

export async function importSamlConfig(
  domainName: string,
  source: SamlImportSource,
  actor: Actor,
  now = new Date(),
): Promise<SamlImportResult> {
  // Read and check everything before the transaction: a bad file or URL writes nothing.
  const fromUrl = "url" in source;
  const file = fromUrl
    ? {
        kind: "metadata" as const,
        settings: parseIdpMetadata(await fetchIdpMetadata(source.url, source.allowUnsecure ?? false)),
        privateKey: null,
      }
    : readSamlFile(source.file);

  return getDb().$transaction(async (tx) => {
    const stored = await loadSamlConfig(tx, domainName);
    let settings: SamlSettings;
    let privateKey: string | null | undefined;
    if (file.kind === "saml.json") {
      settings = file.settings;
      const kept = file.privateKey ?? openPrivateKey(stored);
      privateKey = kept ? checkSpPrivateKey(kept, String(settings["sp.x509cert"] ?? "")) : null;
    } else {
      settings = withIdpKeys(stored.settings, file.settings);
    }
    await saveSamlConfig(tx, stored.domain.id, {
      settings,
      privateKey,
      ...(fromUrl
        ? { metadataUrl: source.url.trim(), allowUnsecure: source.allowUnsecure ?? false, lastRefreshAt: now, lastRefreshError: null }
        : file.kind === "metadata"
          ? { metadataUrl: null, allowUnsecure: false }
          : {}),
    });
    await recordAuditEvent(tx, {
      actor,
      action: "saml.import",
      result: "success",
      details: {
        domain: stored.domain.name,
        kind: file.kind,
        source: fromUrl ? "url" : "file",
        url: fromUrl ? source.url.trim().slice(0, 300) : null,
      },
    });
    return {
      domain: stored.domain.name,
      kind: file.kind,
      keys: Object.keys(file.settings).length + (file.privateKey ? 1 : 0),
      metadataUrl: fromUrl ? source.url.trim() : file.kind === "metadata" ? null : stored.metadataUrl,
    };
  });
}
