// What the portal, the console and the CLI may show of a credential: never the secret or its
// verifier, only a short fingerprint of the verifier (Carbonio's "hash" column).
import { carbonioCredentialRecord, storedHashFingerprint, type CarbonioCredentialRecord } from "@/lib/credentials/credential-format";
import { credentialStatus, storedServices, type CredentialStatus } from "@/lib/credentials/credential-rules";
import { CREDENTIAL_KINDS, type CredentialKind } from "@/lib/credentials/service-rules";
import type { Service } from "@/lib/services/services";

export type CredentialView = {
  id: string;
  kind: CredentialKind;
  label: string;
  services: Service[];
  generated: boolean;
  algorithm: string;
  enabled: boolean;
  /** While disabled: "admin" when an administrator turned it off (the owner cannot turn it on), else "user". */
  disabledBy: "admin" | "user" | null;
  status: CredentialStatus;
  createdAt: Date;
  expiresAt: Date | null;
  /** Canonical CIDRs; empty means any address. */
  allowedIpRanges: string[];
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  /** First characters of SHA-256 of the stored verifier: tells credentials apart, reveals nothing. */
  hashFingerprint: string;
};

/** A credential as JSON routes send it (dates as ISO strings). */
export type CredentialJson = Omit<CredentialView, "createdAt" | "expiresAt" | "lastUsedAt"> & {
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

/** The columns a view is built from. The two verifier columns must be asked for explicitly. */
export const credentialRowOmit = { lookupHash: false, passwordHash: false } as const;

export type CredentialRow = {
  id: string;
  kind: string;
  label: string;
  services: string;
  generated: boolean;
  algorithm: string;
  lookupHash: string | null;
  passwordHash: string | null;
  enabled: boolean;
  disabledBy?: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  allowedIpRanges: string;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

export function toCredentialView(row: CredentialRow, now: Date): CredentialView {
  return {
    id: row.id,
    kind: (CREDENTIAL_KINDS as readonly string[]).includes(row.kind) ? (row.kind as CredentialKind) : "app",
    label: row.label,
    services: storedServices(row.services),
    generated: row.generated,
    algorithm: row.algorithm,
    enabled: row.enabled,
    disabledBy: row.enabled ? null : row.disabledBy === "admin" ? "admin" : "user",
    status: credentialStatus(row, now),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    allowedIpRanges: row.allowedIpRanges ? row.allowedIpRanges.split(",") : [],
    lastUsedAt: row.lastUsedAt,
    lastUsedIp: row.lastUsedIp,
    hashFingerprint: storedHashFingerprint(row.lookupHash ?? row.passwordHash ?? ""),
  };
}

export function toCredentialJson(view: CredentialView): CredentialJson {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    expiresAt: view.expiresAt?.toISOString() ?? null,
    lastUsedAt: view.lastUsedAt?.toISOString() ?? null,
  };
}

/** Carbonio's listing record (`generated | created | label | id | services | hash | enabled | algorithm`). */
export function toCarbonioRecord(view: CredentialView): CarbonioCredentialRecord {
  const record = carbonioCredentialRecord({
    id: view.id,
    label: view.label,
    generated: view.generated,
    createdAt: view.createdAt,
    services: view.services,
    storedHash: "",
    enabled: view.enabled,
    algorithm: view.generated ? "SHA256" : "ARGON2ID",
  });
  // The view already carries the fingerprint; the verifier itself never reaches this far.
  return { ...record, hash: view.hashFingerprint };
}
