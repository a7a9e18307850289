import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { THROTTLE, clearThrottle, recordThrottleFailure } from "@/lib/throttle/login-throttle";

/**
 * One failed attempt by any way in (password, OTP, later the gate): slows the address and the IP,
 * and counts towards the account lock when the account is known.
 */
export async function recordSignInFailure(tx: Tx, input: { email: string; ip: string; userId?: string }, now = new Date()): Promise<void> {
  await recordThrottleFailure(tx, { email: input.email, ip: input.ip }, now);
  if (!input.userId) return;
  const updated = await tx.user.update({ where: { id: input.userId }, data: { failedLoginCount: { increment: 1 } } });
  if (updated.failedLoginCount >= THROTTLE.lockAfterFailures && updated.status === "active") {
    await tx.user.update({ where: { id: input.userId }, data: { status: "locked", lockedAt: now } });
    await recordAuditEvent(tx, {
      actor: { email: "system", ip: input.ip },
      subject: { id: input.userId, email: updated.email },
      action: "user.lock",
      result: "success",
      details: { failures: updated.failedLoginCount },
    });
  }
}

/** A completed step: the address's delay and the account's failure count start again. */
export async function recordSignInSuccess(tx: Tx, input: { email: string; userId: string }): Promise<void> {
  await clearThrottle(tx, input.email);
  await tx.user.updateMany({ where: { id: input.userId, failedLoginCount: { gt: 0 } }, data: { failedLoginCount: 0 } });
}
