import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { advanceLoginTicket, findLoginTicket } from "@/lib/auth/login-ticket";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { getTrustedDeviceLifetimeDays } from "@/lib/two-factor/policies/trusted-device-lifetime";
import { recordSignInFailure } from "@/lib/throttle/record-sign-in-result";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";
import { verifySecondFactor } from "@/lib/two-factor/devices/verify-second-factor";
import { trustDevice } from "@/lib/trusted-devices/trust-device";
import { describeUserAgent, deviceNameText } from "@/lib/sessions/describe-user-agent";

/** Wrong codes allowed on one login ticket before the sign-in must start again. */
export const OTP_ATTEMPTS_PER_TICKET = 5;
export const SIGN_IN_EXPIRED_MESSAGE = messageKey("errors.auth.signInExpired");
export const WRONG_CODE_MESSAGE = messageKey("errors.auth.wrongCode");

/**
 * The second step: a TOTP or recovery code for the user the ticket names. Only a ticket in the
 * "otp" stage gets here, so the step cannot be reached or replayed on its own.
 */
export async function verifyOtpStep(
  input: { ticket: string | undefined; code: string; trustThisDevice: boolean },
  ctx: Actor,
  now = new Date(),
): Promise<{ trustedDevice: { token: string; expiresAt: Date } | null }> {
  const pending = await findLoginTicket(input.ticket, now);
  if (!pending || pending.stage !== "otp" || !input.ticket) throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: pending.userId }, select: { id: true, email: true, status: true } });
  if (!user || user.status !== "active") throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  const ip = ctx.ip ?? "";
  const actor = { ...ctx, id: user.id, email: user.email };

  // Take the attempt from the address's and IP's counters and from the ticket's before checking,
  // so parallel guesses cannot exceed either limit.
  const reservation = await reserveAttemptOrThrow({ email: user.email, ip }, now);
  const reserved = await db.pendingLogin.updateMany({
    where: { id: pending.id, stage: "otp", attempts: { lt: OTP_ATTEMPTS_PER_TICKET } },
    data: { attempts: { increment: 1 } },
  });
  if (reserved.count !== 1) {
    await releaseAttempt(reservation); // no code was checked
    await db.pendingLogin.deleteMany({ where: { id: pending.id } });
    throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  }

  const result = await verifySecondFactor(user.id, input.code, actor, now);
  if (!result.ok) {
    await db.$transaction((tx) => recordSignInFailure(tx, { email: user.email, ip, userId: user.id }, now));
    const left = await db.pendingLogin.findUnique({ where: { id: pending.id }, select: { attempts: true } });
    if (!left || left.attempts >= OTP_ATTEMPTS_PER_TICKET) {
      await db.pendingLogin.deleteMany({ where: { id: pending.id } });
      throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
    }
    throw new AppError("invalid_credentials", WRONG_CODE_MESSAGE, { code: [WRONG_CODE_MESSAGE] });
  }
  await releaseAttempt(reservation);

  const lifetimeDays = input.trustThisDevice ? await getTrustedDeviceLifetimeDays() : 0;
  return db.$transaction(async (tx) => {
    if (!(await advanceLoginTicket(tx, input.ticket!, "otp", "ready", now, "otp"))) throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
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
    await recordAuditEvent(tx, { actor, subject: user, action: "login.2fa", result: "success", details: { method: result.method } });
    return { trustedDevice: trusted };
  });
}
