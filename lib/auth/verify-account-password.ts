import { messageKey } from "@/lib/i18n/message-key";
import { recordAuditEvent, type Actor, type AuditInput } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { verifyAgainstDecoy, verifyPassword } from "@/lib/passwords/hash-password";
import { recordSignInFailure } from "@/lib/throttle/record-sign-in-result";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";
import { typedAddress } from "@/lib/throttle/throttle-keys";

export const INVALID_CREDENTIALS_MESSAGE = messageKey("errors.invalidCredentials");

export type VerifiedAccount = { id: string; email: string; role: string; domainId: string };
export type PasswordCheck = { email: string; account: VerifiedAccount | null; userId?: string; reason: string | null };

/**
 * Checks an account's main password, with no side effects. Unknown address, wrong password, and a
 * locked or disabled account all come back with `account: null` after the same argon2 work, so
 * the answer reveals nothing; `reason` is for the audit trail only.
 */
export async function checkAccountPassword(emailInput: string, password: string): Promise<PasswordCheck> {
  const typed = emailInput.trim().toLowerCase().slice(0, 254);
  const user = await getDb().user.findUnique({ where: { email: typed }, omit: { passwordHash: false } });
  // What was typed is kept for the audit trail only when it looks like an address (typedAddress).
  const email = user ? typed : typedAddress(typed);
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  const reason = !user ? "unknown_account" : user.status !== "active" ? `account_${user.status}` : !passwordOk ? "wrong_password" : null;
  const account = reason || !user ? null : { id: user.id, email: user.email, role: user.role, domainId: user.domainId };
  return { email, account, userId: user?.id, reason };
}

/**
 * Audits a password check, and counts a wrong password towards the account lock. The throttle
 * counted the attempt when the caller reserved it; a right password hands that back
 * (releaseAttempt), and only a completed sign-in clears the address's counter, so a right
 * password followed by wrong codes keeps counting.
 */
export async function recordPasswordCheck(check: PasswordCheck, ctx: Actor & { service: string }, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    if (check.reason) {
      await recordSignInFailure(
        tx,
        { email: check.email, ip: ctx.ip ?? "", userId: check.reason === "wrong_password" ? check.userId : undefined },
        now,
      );
    }
    await recordAuditEvent(tx, passwordCheckAudit(check, ctx));
  });
}

/** The audit row of a password check; a caller with its own transaction writes it there. */
export function passwordCheckAudit(check: PasswordCheck, ctx: Actor & { service: string }): AuditInput {
  return {
    actor: { ...ctx, id: check.userId, email: check.email },
    subject: { id: check.userId, email: check.email },
    action: "login.password",
    result: check.reason ? "failure" : "success",
    details: { service: ctx.service, ...(check.reason ? { reason: check.reason } : {}) },
  };
}

/**
 * Throttle reservation + checkAccountPassword + recordPasswordCheck, for callers with no other way
 * in to try. Throws AppError "rate_limited" while the address or IP must wait.
 */
export async function verifyAccountPassword(
  email: string,
  password: string,
  ctx: Actor & { service: string },
  now = new Date(),
): Promise<VerifiedAccount | null> {
  const reservation = await reserveAttemptOrThrow({ email, ip: ctx.ip ?? "" }, now);
  const check = await checkAccountPassword(email, password);
  if (check.account) await releaseAttempt(reservation);
  await recordPasswordCheck(check, ctx, now);
  return check.account;
}
