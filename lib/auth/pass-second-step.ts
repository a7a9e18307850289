import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { advanceLoginTicket } from "@/lib/auth/login-ticket";
import { getDb } from "@/lib/db/client";
import { PASSWORD_AND_PASSKEY } from "@/lib/sessions/session-store";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { describeUserAgent, deviceNameText } from "@/lib/sessions/describe-user-agent";
import { getTrustedDeviceLifetimeDays } from "@/lib/two-factor/policies/trusted-device-lifetime";
import { trustDevice } from "@/lib/trusted-devices/trust-device";

// What the second step of a sign-in does once a factor was proven, whichever factor it was (a
// TOTP or recovery code: verify-otp-step.ts; a passkey: verify-passkey-step.ts).

/** Second-factor answers allowed on one login ticket before the sign-in must start again. */
export const OTP_ATTEMPTS_PER_TICKET = 5;
export const SIGN_IN_EXPIRED_MESSAGE = messageKey("errors.auth.signInExpired");

/**
 * Takes one answer from the ticket's allowance; false (and the ticket deleted) when none is left
 * or the ticket is no longer at the second step. A compare-and-set: parallel answers cannot
 * exceed the allowance.
 */
export async function takeTicketAttempt(pendingId: string): Promise<boolean> {
  const db = getDb();
  const reserved = await db.pendingLogin.updateMany({
    where: { id: pendingId, stage: "otp", attempts: { lt: OTP_ATTEMPTS_PER_TICKET } },
    data: { attempts: { increment: 1 } },
  });
  if (reserved.count === 1) return true;
  await db.pendingLogin.deleteMany({ where: { id: pendingId } });
  return false;
}

/** After a wrong answer: whether the ticket may still take another (else it is deleted). */
export async function ticketHasAttemptsLeft(pendingId: string): Promise<boolean> {
  const db = getDb();
  const left = await db.pendingLogin.findUnique({ where: { id: pendingId }, select: { attempts: true } });
  if (left && left.attempts < OTP_ATTEMPTS_PER_TICKET) return true;
  await db.pendingLogin.deleteMany({ where: { id: pendingId } });
  return false;
}

/**
 * Moves the ticket from the second step to "ready" (once: a second caller finds it moved), trusts
 * this browser when asked, and audits `login.2fa` with the factor used, in one transaction.
 */
export async function passSecondStep(
  input: { ticket: string; user: { id: string; email: string }; trustThisDevice: boolean; method: string },
  ctx: Actor,
  now = new Date(),
): Promise<{ trustedDevice: { token: string; expiresAt: Date } | null }> {
  const { user } = input;
  const actor = { ...ctx, id: user.id, email: user.email };
  const ip = ctx.ip ?? "";
  const lifetimeDays = input.trustThisDevice ? await getTrustedDeviceLifetimeDays() : 0;
  return getDb().$transaction(async (tx) => {
    if (!(await advanceLoginTicket(tx, input.ticket, "otp", "ready", now, input.method === "passkey" ? PASSWORD_AND_PASSKEY : "otp")))
      throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
    let trusted: { token: string; expiresAt: Date } | null = null;
    if (input.trustThisDevice) {
      trusted = await trustDevice(
        tx,
        { userId: user.id, description: deviceNameText(describeUserAgent(ctx.userAgent)), ip, lifetimeDays },
        now,
      );
      await recordAuditEvent(tx, {
        actor,
        subject: user,
        action: "trusted_device.create",
        result: "success",
        details: { ip, lifetimeDays },
      });
    }
    await recordAuditEvent(tx, { actor, subject: user, action: "login.2fa", result: "success", details: { method: input.method } });
    return { trustedDevice: trusted };
  });
}
