import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/passwords/hash-password";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { revokeUserAccess, type AccessRevocation } from "@/lib/sessions/revoke-user-access";
import { hasSecondFactor } from "@/lib/two-factor/devices/has-second-factor";

// What an admin reset, a self-service change and an auth link share: the password policy check
// and the write that stores the new hash, revokes access and records the audit event in one
// transaction.

export type PasswordChange = {
  action: "user.password.reset" | "user.password.change";
  actor: Actor;
  keepSessionId?: string;
  keepCredentials: boolean;
  /** Extra audit facts (an auth link's id). */
  details?: Record<string, string | number | boolean | null>;
};

export async function checkPasswordPolicy(password: string, user: { id: string; email: string }, field: string) {
  const problem = passwordProblem(password, { email: user.email, hasSecondFactor: await hasSecondFactor(user.id) });
  if (problem) throw new AppError("invalid_input", problem, { [field]: [problem] });
}

/** Hashes and stores the password, then revokes access (credentials too unless `keepCredentials`). */
export async function storeNewPassword(
  user: { id: string; email: string },
  password: string,
  change: PasswordChange,
): Promise<AccessRevocation> {
  const passwordHash = await hashPassword(password);
  return getDb().$transaction((tx) => writeNewPassword(tx, user, passwordHash, change));
}

/** The transactional half, for callers that change more in the same transaction (an auth link). */
export async function writeNewPassword(
  tx: Tx,
  user: { id: string; email: string },
  passwordHash: string,
  change: PasswordChange,
  now = new Date(),
): Promise<AccessRevocation> {
  await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
  const revoked = await revokeUserAccess(tx, user.id, {
    ...(change.keepSessionId ? { keepSessionId: change.keepSessionId } : {}),
    revokeCredentials: !change.keepCredentials,
    now,
  });
  await recordAuditEvent(tx, {
    actor: change.actor,
    subject: user,
    action: change.action,
    result: "success",
    details: {
      ...change.details,
      sessionsRevoked: revoked.sessions,
      trustedDevicesRevoked: revoked.trustedDevices,
      credentialsRevoked: revoked.credentials,
      qrTokensRevoked: revoked.qrTokens,
      authLinksRevoked: revoked.authLinks,
      keepCredentials: change.keepCredentials,
    },
  });
  return revoked;
}
