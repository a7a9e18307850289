import type { Actor } from "@/lib/audit/record-audit-event";
import { findLoginTicket } from "@/lib/auth/login-ticket";
import { SIGN_IN_EXPIRED_MESSAGE, passSecondStep, takeTicketAttempt, ticketHasAttemptsLeft } from "@/lib/auth/pass-second-step";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { recordSignInFailure } from "@/lib/throttle/record-sign-in-result";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";
import { verifySecondFactor } from "@/lib/two-factor/devices/verify-second-factor";

export { OTP_ATTEMPTS_PER_TICKET, SIGN_IN_EXPIRED_MESSAGE } from "@/lib/auth/pass-second-step";
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
  if (!(await takeTicketAttempt(pending.id))) {
    await releaseAttempt(reservation); // no code was checked
    throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  }

  const result = await verifySecondFactor(user.id, input.code, actor, now);
  if (!result.ok) {
    await db.$transaction((tx) => recordSignInFailure(tx, { email: user.email, ip, userId: user.id }, now));
    if (!(await ticketHasAttemptsLeft(pending.id))) throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
    throw new AppError("invalid_credentials", WRONG_CODE_MESSAGE, { code: [WRONG_CODE_MESSAGE] });
  }
  await releaseAttempt(reservation);
  return passSecondStep({ ticket: input.ticket, user, trustThisDevice: input.trustThisDevice, method: result.method }, ctx, now);
}
