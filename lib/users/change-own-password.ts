import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords/hash-password";
import type { AccessRevocation } from "@/lib/sessions/revoke-user-access";
import { recordSignInFailure } from "@/lib/throttle/record-sign-in-result";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";
import { checkPasswordPolicy, storeNewPassword } from "@/lib/users/store-new-password";
import { messageKey } from "@/lib/i18n/message-key";

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
  if (!user) throw new AppError("unauthenticated", messageKey("errors.account.signInAgain"));
  // Guessing the current password from a session is a way in like any other: same throttle
  // (counted before argon2 runs) and lock.
  const reservation = await reserveAttemptOrThrow({ email: user.email, ip: actor.ip ?? "" }, now);
  const ok = user.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : false;
  if (!ok) {
    await db.$transaction(async (tx) => {
      await recordSignInFailure(tx, { email: user.email, ip: actor.ip ?? "", userId: user.id }, now);
      await recordAuditEvent(tx, { actor, subject: user, action: "user.password.change", result: "failure" });
    });
    const wrong = messageKey("errors.account.currentPasswordWrong");
    throw new AppError("invalid_input", wrong, { currentPassword: [wrong] });
  }
  await releaseAttempt(reservation);
  if (input.newPassword === input.currentPassword) {
    throw new AppError("invalid_input", messageKey("errors.account.samePassword"), {
      newPassword: [messageKey("errors.account.chooseDifferent")],
    });
  }
  await checkPasswordPolicy(input.newPassword, user, "newPassword");
  return storeNewPassword(user, input.newPassword, {
    action: "user.password.change",
    actor,
    keepSessionId: actor.sessionId,
    keepCredentials: !!input.keepCredentials,
  });
}
