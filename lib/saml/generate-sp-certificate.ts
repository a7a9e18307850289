import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getSettings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { loadSamlConfig, saveSamlConfig, unknownDomain } from "@/lib/saml/saml-config-store";
import { generateSpKeyPair, SP_DIGESTS, SP_KEY_SIZES, type SpCertificateOptions } from "@/lib/saml/sp-key-pair";

// `saml generate`: a new SP key pair and self-signed certificate for the domain, replacing the old
// pair (an IdP that checks our signatures needs the new certificate: the metadata carries it).

export type SpCertificateRequest = Partial<Omit<SpCertificateOptions, "commonName" | "digest" | "encryption">> & {
  digest?: string;
  encryption?: string;
};

const MAX_DAYS = 3650;

function invalid(field: string, message: string): AppError {
  return new AppError("invalid_input", message, { [field]: [message] });
}

function checkedOptions(request: SpCertificateRequest): SpCertificateOptions {
  const days = request.days ?? 365;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw invalid("days", messageKey("errors.saml.certificateDays", { max: MAX_DAYS }));
  const digest = (request.digest ?? "SHA256").toUpperCase();
  if (!(SP_DIGESTS as readonly string[]).includes(digest)) throw invalid("digest", messageKey("errors.saml.certificateDigest"));
  const encryption = (request.encryption ?? "RSA:2048").toUpperCase();
  if (!(SP_KEY_SIZES as readonly string[]).includes(encryption)) throw invalid("encryption", messageKey("errors.saml.certificateKeySize"));
  if (request.country !== undefined && !/^[A-Za-z]{2}$/.test(request.country))
    throw invalid("country", messageKey("errors.saml.certificateCountry"));
  for (const field of ["state", "location", "organization", "organizationalUnit"] as const) {
    const value = request[field];
    if (value !== undefined && (value.length > 64 || /[\u0000-\u001f]/.test(value)))
      throw invalid(field, messageKey("errors.saml.certificateField", { field }));
  }
  return {
    ...request,
    commonName: new URL(getSettings().publicUrl).hostname,
    days,
    country: request.country?.toUpperCase(),
    digest: digest as SpCertificateOptions["digest"],
    encryption: encryption as SpCertificateOptions["encryption"],
  };
}

export async function generateSpCertificate(
  domainName: string,
  request: SpCertificateRequest,
  actor: Actor,
  now = new Date(),
): Promise<{ domain: string; certificate: string; notAfter: Date }> {
  const options = checkedOptions(request);
  // Unknown domain refused before the (slow) key generation.
  const name = domainName.trim().toLowerCase();
  if (!(await getDb().domain.findUnique({ where: { name }, select: { id: true } }))) throw unknownDomain(name);
  const pair = await generateSpKeyPair(options, now);
  return getDb().$transaction(async (tx) => {
    const stored = await loadSamlConfig(tx, domainName);
    await saveSamlConfig(tx, stored.domain.id, {
      settings: { ...stored.settings, "sp.x509cert": pair.certificate },
      privateKey: pair.privateKey,
    });
    const notAfter = new Date(now.getTime() + options.days * 86_400_000);
    await recordAuditEvent(tx, {
      actor,
      action: "saml.generateCertificate",
      result: "success",
      details: { domain: stored.domain.name, days: options.days, digest: options.digest, encryption: options.encryption },
    });
    return { domain: stored.domain.name, certificate: pair.certificate, notAfter };
  });
}
