import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getSettings } from "@/lib/config/settings";
import { mobileAppQrPayload, type MobileAppQrPayload } from "@/lib/credentials/credential-format";
import {
  ALGORITHM_CHOSEN,
  ALGORITHM_GENERATED,
  checkCredentialExpiry,
  chosenPasswordProblem,
  MAX_CHOSEN_CREDENTIALS_PER_ACCOUNT,
  MAX_CREDENTIALS_PER_ACCOUNT,
  parseAllowedIpRanges,
  parseCredentialLabel,
  parseCredentialServices,
} from "@/lib/credentials/credential-rules";
import type { CredentialKind } from "@/lib/credentials/service-rules";
import { credentialLookupHash, generateCredentialId, generateCredentialSecret } from "@/lib/credentials/credential-secret";
import { credentialRowOmit, toCredentialView, type CredentialView } from "@/lib/credentials/credential-view";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/passwords/hash-password";
import { SERVICES, type Service } from "@/lib/services/services";
import { findUser } from "@/lib/users/find-user";
import { messageKey } from "@/lib/i18n/message-key";

export type CreateCredentialInput = {
  /** The owner: user id or email. The portal passes the signed-in user's id, never input. */
  account: string;
  kind?: CredentialKind;
  label: string;
  services: string | readonly string[];
  /** Services the caller may grant (the portal narrows this); everything by default. */
  allowedServices?: readonly Service[];
  /** A chosen secret (admin console, CLI `password S`); generated when absent. */
  password?: string;
  expiresAt?: Date | null;
  /** Comma-separated CIDRs; empty means any address. */
  allowedIpRanges?: string;
  /** Also return the mobile-app QR payload carrying the new secret. */
  qrcode?: boolean;
};

export type CreatedCredential = {
  user: { id: string; email: string };
  credential: CredentialView;
  /** The plaintext secret: returned here once, stored nowhere, never logged. */
  secret: string;
  qr?: { payload: MobileAppQrPayload; json: string };
};

/** A credential ready to insert: validated, with its verifier computed outside any transaction. */
export type PreparedCredential = {
  kind: CredentialKind;
  label: string;
  services: Service[];
  expiresAt: Date | null;
  allowedIpRanges: string;
  secret: string;
  generated: boolean;
  lookupHash: string | null;
  passwordHash: string | null;
};

export async function createCredential(input: CreateCredentialInput, actor: Actor, now = new Date()): Promise<CreatedCredential> {
  // Every check on the input comes first, so a refusal writes nothing.
  const label = parseCredentialLabel(input.label);
  const services = parseCredentialServices(input.services, input.allowedServices ?? SERVICES);
  const expiresAt = checkCredentialExpiry(input.expiresAt, now);
  const allowedIpRanges = parseAllowedIpRanges(input.allowedIpRanges);
  const user = await findUser(input.account);

  let prepared: PreparedCredential;
  if (input.password !== undefined && input.password !== "") {
    const problem = chosenPasswordProblem(input.password, user.email);
    if (problem) throw invalidInput("password", problem);
    await refuseAccountPassword(user.id, input.password);
    prepared = {
      kind: input.kind ?? "app",
      label,
      services,
      expiresAt,
      allowedIpRanges,
      secret: input.password,
      generated: false,
      lookupHash: null,
      passwordHash: await hashPassword(input.password),
    };
  } else {
    prepared = generatedCredential({ kind: input.kind ?? "app", label, services, expiresAt, allowedIpRanges });
  }

  const credential = await getDb().$transaction((tx) => insertCredential(tx, user, prepared, actor, now));
  const created: CreatedCredential = { user: { id: user.id, email: user.email }, credential, secret: prepared.secret };
  if (input.qrcode) created.qr = mobileAppQrPayload({ user: user.email, password: prepared.secret, publicUrl: getSettings().publicUrl });
  return created;
}

/** A fresh ≥128-bit secret and its HMAC lookup hash. */
export function generatedCredential(
  fields: Pick<PreparedCredential, "kind" | "label" | "services" | "expiresAt" | "allowedIpRanges">,
): PreparedCredential {
  const secret = generateCredentialSecret();
  return { ...fields, secret, generated: true, lookupHash: credentialLookupHash(secret), passwordHash: null };
}

/**
 * A WebUI credential equal to the account password would let that password skip the OTP, so a
 * chosen credential may never be the account's own password.
 */
async function refuseAccountPassword(userId: string, password: string): Promise<void> {
  const row = await getDb().user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (row?.passwordHash && (await verifyPassword(row.passwordHash, password))) {
    throw invalidInput("password", messageKey("errors.credentials.accountPassword"));
  }
}

/** The transactional half: limits, insert and audit row together. */
export async function insertCredential(
  tx: Tx,
  user: { id: string; email: string },
  prepared: PreparedCredential,
  actor: Actor,
  now: Date,
): Promise<CredentialView> {
  const total = await tx.credential.count({ where: { userId: user.id } });
  if (total >= MAX_CREDENTIALS_PER_ACCOUNT) {
    throw new AppError("conflict", messageKey("errors.credentials.tooMany", { max: MAX_CREDENTIALS_PER_ACCOUNT }));
  }
  if (!prepared.generated) {
    const chosen = await tx.credential.count({ where: { userId: user.id, generated: false } });
    if (chosen >= MAX_CHOSEN_CREDENTIALS_PER_ACCOUNT) {
      throw invalidInput("password", messageKey("errors.credentials.tooManyChosen", { max: MAX_CHOSEN_CREDENTIALS_PER_ACCOUNT }));
    }
  }
  const row = await tx.credential.create({
    data: {
      id: generateCredentialId(),
      userId: user.id,
      kind: prepared.kind,
      label: prepared.label,
      services: prepared.services.join(","),
      generated: prepared.generated,
      algorithm: prepared.generated ? ALGORITHM_GENERATED : ALGORITHM_CHOSEN,
      lookupHash: prepared.lookupHash,
      passwordHash: prepared.passwordHash,
      enabled: true,
      createdAt: now,
      expiresAt: prepared.expiresAt,
      allowedIpRanges: prepared.allowedIpRanges,
    },
    omit: credentialRowOmit,
  });
  await recordAuditEvent(tx, {
    actor,
    subject: user,
    action: "credential.create",
    result: "success",
    details: {
      credentialId: row.id,
      kind: prepared.kind,
      label: prepared.label,
      services: row.services,
      generated: prepared.generated,
      expiresAt: prepared.expiresAt?.toISOString() ?? null,
      allowedIpRanges: prepared.allowedIpRanges || null,
    },
  });
  return toCredentialView(row, now);
}
