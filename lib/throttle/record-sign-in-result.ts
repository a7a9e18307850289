import { noteAccessChanged } from "@/lib/gate/access-changes";
import { countMetric } from "@/lib/metrics/count-metric";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { THROTTLE, clearThrottle } from "@/lib/throttle/login-throttle";

/**
 * One failed attempt by any way in (password, OTP, password change): counts towards the account
 * lock when the account is known. The throttle already counted the attempt when it was reserved
 * (lib/throttle/reserve-attempt.ts), before the secret was checked.
 */
export async function recordSignInFailure(tx: Tx, input: { email: string; ip: string; userId?: string }, now = new Date()): Promise<void> {
  if (!input.userId) return;
  const updated = await tx.user.update({ where: { id: input.userId }, data: { failedLoginCount: { increment: 1 } } });
  if (updated.failedLoginCount < THROTTLE.lockAfterFailures) return;
  // Conditional, so parallel failures past the limit lock (and audit) once.
  const locked = await tx.user.updateMany({ where: { id: input.userId, status: "active" }, data: { status: "locked", lockedAt: now } });
  if (locked.count !== 1) return;
  countMetric({ name: "account_lock" });
  noteAccessChanged(input.userId);
  await recordAuditEvent(tx, {
    actor: { email: "system", ip: input.ip },
    subject: { id: input.userId, email: updated.email },
    action: "user.lock",
    result: "success",
    details: { failures: updated.failedLoginCount },
  });
}

/** A completed step: the address's delay and the account's failure count start again. */
export async function recordSignInSuccess(tx: Tx, input: { email: string; userId: string }): Promise<void> {
  await clearThrottle(tx, input.email);
  await tx.user.updateMany({ where: { id: input.userId, failedLoginCount: { gt: 0 } }, data: { failedLoginCount: 0 } });
}
