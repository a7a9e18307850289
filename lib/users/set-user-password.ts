import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/passwords/hash-password";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { revokeUserAccess, type AccessRevocation } from "@/lib/sessions/revoke-sessions";
import { findUser } from "@/lib/users/find-user";
import { recordSignInFailure } from "@/lib/throttle/record-sign-in-result";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";
import { hasEnabledTotp } from "@/lib/totp/has-second-factor";

async function checkPolicy(password: string, user: { id: string; email: string }, field: string) {
  const problem = passwordProblem(password, { email: user.email, hasSecondFactor: await hasEnabledTotp(user.id) });
  if (problem) throw new AppError("invalid_input", problem, { [field]: [problem] });
}

/**
 * Admin reset: sets a new password and signs the user out everywhere. The user's service
 * credentials and unused one-time QR codes are revoked too, unless the admin asks to keep them:
 * whoever made the reset necessary may have made credentials as well.
 */
export async function setUserPassword(
  idOrEmail: string,
  password: string,
  actor: Actor,
  opts: { keepCredentials?: boolean } = {},
): Promise<AccessRevocation> {
  const user = await findUser(idOrEmail);
  await checkPolicy(password, user, "password");
  const passwordHash = await hashPassword(password);
  return storeNewPassword(user, passwordHash, { action: "user.password.reset", keepCredentials: !!opts.keepCredentials }, actor);
}

/** Writes the new hash and ends every other way in, in one transaction with its audit row. */
function storeNewPassword(
  user: { id: string; email: string },
  passwordHash: string,
  opts: { action: "user.password.reset" | "user.password.change"; keepCredentials: boolean; keepSessionId?: string },
  actor: Actor,
): Promise<AccessRevocation> {
  return getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const revoked = await revokeUserAccess(tx, user.id, { keepSessionId: opts.keepSessionId, revokeCredentials: !opts.keepCredentials });
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: opts.action,
      result: "success",
      details: {
        sessionsRevoked: revoked.sessions,
        trustedDevicesRevoked: revoked.trustedDevices,
        credentialsRevoked: revoked.credentials,
        qrTokensRevoked: revoked.qrTokens,
        keepCredentials: opts.keepCredentials,
      },
    });
    return revoked;
  });
}

/**
 * Self-service change: needs the current password; other sessions and trusted devices end, and so
 * do the user's service credentials unless `keepCredentials` (the form's box, on by default).
 */
export async function changeOwnPassword(
  userId: string,
  input: { currentPassword: string; newPassword: string; keepCredentials?: boolean },
  actor: Actor & { sessionId?: string },
  now = new Date(),
): Promise<AccessRevocation> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user) throw new AppError("unauthenticated", "Sign in again.");
  // Guessing the current password from a session is a way in like any other: same throttle
  // (counted before argon2 runs) and lock.
  const reservation = await reserveAttemptOrThrow({ email: user.email, ip: actor.ip ?? "" }, now);
  const ok = user.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : false;
  if (!ok) {
    await db.$transaction(async (tx) => {
      await recordSignInFailure(tx, { email: user.email, ip: actor.ip ?? "", userId: user.id }, now);
      await recordAuditEvent(tx, { actor, subject: user, action: "user.password.change", result: "failure" });
    });
    throw new AppError("invalid_input", "The current password is not right.", { currentPassword: ["The current password is not right."] });
  }
  await releaseAttempt(reservation);
  if (input.newPassword === input.currentPassword) {
    throw new AppError("invalid_input", "Choose a password different from the current one.", {
      newPassword: ["Choose a different password."],
    });
  }
  await checkPolicy(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return storeNewPassword(
    user,
    passwordHash,
    { action: "user.password.change", keepCredentials: !!input.keepCredentials, keepSessionId: actor.sessionId },
    actor,
  );
}
