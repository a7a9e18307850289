import { X509Certificate } from "node:crypto";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { log } from "@/lib/log/logger";
import { fetchIdpMetadata } from "@/lib/saml/fetch-idp-metadata";
import { parseIdpMetadata } from "@/lib/saml/parse-idp-metadata";
import { loadSamlConfig, saveSamlConfig } from "@/lib/saml/saml-config-store";
import { splitCertificates, type SamlSettings } from "@/lib/saml/saml-keys";

// Re-reads an IdP's metadata from the URL it was imported from. The IdP's new signing certificate
// is added beside the ones we had, which stay valid until they expire or an admin removes them
// (`saml update D idp.x509cert …`), so an IdP's key rotation needs no admin at all.

export const METADATA_REFRESH_INTERVAL_MS = 24 * 60 * 60 * 1000;
const SYSTEM: Actor = { email: "system:metadata-refresh" };

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

/** The refreshed certificates first, then earlier ones not yet expired; no duplicates. */
export function mergeCertificates(fresh: string, earlier: string, now: Date): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const pem of [...splitCertificates(fresh), ...splitCertificates(earlier)]) {
    if (!pem) continue;
    const id = fingerprint(pem);
    const stillValid = new Date(new X509Certificate(pem).validTo) > now;
    if (seen.has(id) || (!stillValid && kept.length > 0)) continue;
    seen.add(id);
    kept.push(pem);
  }
  return kept.slice(0, 5).join("");
}

export type RefreshResult = { domain: string; ok: boolean; certificates: number; error?: string };

export async function refreshIdpMetadata(domainName: string, actor: Actor = SYSTEM, now = new Date()): Promise<RefreshResult> {
  const current = await getDb().$transaction((tx) => loadSamlConfig(tx, domainName));
  if (!current.metadataUrl) throw new AppError("invalid_input", messageKey("errors.saml.noMetadataUrl"));
  let idp: SamlSettings;
  try {
    idp = parseIdpMetadata(await fetchIdpMetadata(current.metadataUrl, current.allowUnsecure));
  } catch (e) {
    const reason = e instanceof AppError ? e.message : "unexpected error";
    await getDb().$transaction(async (tx) => {
      await saveSamlConfig(tx, current.domain.id, { lastRefreshError: reason });
      await recordAuditEvent(tx, {
        actor,
        action: "saml.refreshMetadata",
        result: "failure",
        details: { domain: current.domain.name, reason },
      });
    });
    log.warn("saml metadata refresh failed", { domain: current.domain.name, reason });
    return {
      domain: current.domain.name,
      ok: false,
      certificates: splitCertificates(String(current.settings["idp.x509cert"] ?? "")).length,
      error: reason,
    };
  }
  return getDb().$transaction(async (tx) => {
    // Read again inside the transaction: an admin's change made while we fetched is kept.
    const stored = await loadSamlConfig(tx, domainName);
    const certificates = mergeCertificates(String(idp["idp.x509cert"] ?? ""), String(stored.settings["idp.x509cert"] ?? ""), now);
    const added = splitCertificates(certificates).length - splitCertificates(String(stored.settings["idp.x509cert"] ?? "")).length;
    const kept = Object.fromEntries(Object.entries(stored.settings).filter(([key]) => !key.startsWith("idp."))) as SamlSettings;
    await saveSamlConfig(tx, stored.domain.id, {
      settings: { ...kept, ...idp, "idp.x509cert": certificates },
      lastRefreshAt: now,
      lastRefreshError: null,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "saml.refreshMetadata",
      result: "success",
      details: { domain: stored.domain.name, certificatesAdded: Math.max(added, 0) },
    });
    return { domain: stored.domain.name, ok: true, certificates: splitCertificates(certificates).length };
  });
}

/** Every domain whose metadata came from a URL and was last refreshed a day or more ago. */
export async function refreshDueMetadata(now = new Date()): Promise<RefreshResult[]> {
  const due = await getDb().samlConfig.findMany({
    where: {
      metadataUrl: { not: null },
      OR: [{ lastRefreshAt: null }, { lastRefreshAt: { lte: new Date(now.getTime() - METADATA_REFRESH_INTERVAL_MS) } }],
    },
    select: { domain: { select: { name: true } } },
  });
  const results: RefreshResult[] = [];
  for (const { domain } of due) results.push(await refreshIdpMetadata(domain.name, SYSTEM, now));
  return results;
}
