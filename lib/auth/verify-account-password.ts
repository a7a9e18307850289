import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { verifyAgainstDecoy, verifyPassword } from "@/lib/passwords/hash-password";
import { recordSignInFailure } from "@/lib/throttle/record-sign-in-result";

export const INVALID_CREDENTIALS_MESSAGE = "The email address or password is not right.";

export type VerifiedAccount = { id: string; email: string; role: string; domainId: string };

/**
 * Checks an account's main password. Unknown address, wrong password, and a locked or disabled
 * account all return null after the same argon2 work, so the answer reveals nothing; the audit
 * trail records the real reason for admins. A wrong password counts towards the account lock.
 */
export async function verifyAccountPassword(
  emailInput: string,
  password: string,
  ctx: Actor & { service: string },
  now = new Date(),
): Promise<VerifiedAccount | null> {
  const email = emailInput.trim().toLowerCase().slice(0, 254);
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  const reason = !user ? "unknown_account" : user.status !== "active" ? `account_${user.status}` : !passwordOk ? "wrong_password" : null;

  await db.$transaction(async (tx) => {
    const subject = { id: user?.id, email };
    const actor = { ...ctx, id: user?.id, email };
    // Success clears nothing here: only a completed sign-in does (completeSignIn), so a right password
    // followed by wrong codes keeps counting towards the lock.
    if (reason) await recordSignInFailure(tx, { email, ip: ctx.ip ?? "", userId: reason === "wrong_password" ? user?.id : undefined }, now);
    await recordAuditEvent(tx, {
      actor,
      subject,
      action: "login.password",
      result: reason ? "failure" : "success",
      details: { service: ctx.service, ...(reason ? { reason } : {}) },
    });
  });
  if (reason || !user) return null;
  return { id: user.id, email: user.email, role: user.role, domainId: user.domainId };
}
