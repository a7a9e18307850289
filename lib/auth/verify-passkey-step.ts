import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Actor } from "@/lib/audit/record-audit-event";
import { findLoginTicket } from "@/lib/auth/login-ticket";
import { SIGN_IN_EXPIRED_MESSAGE, passSecondStep, takeTicketAttempt, ticketHasAttemptsLeft } from "@/lib/auth/pass-second-step";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { startPasskeyAuthentication } from "@/lib/passkeys/start-passkey-authentication";
import { verifyPasskeyAssertion } from "@/lib/passkeys/verify-passkey-assertion";

// The second step of a sign-in with a passkey instead of a code: the options name the passkeys
// of the account the login ticket names, and the answer must come from one of them.

async function pendingSecondStep(ticket: string | undefined, now: Date) {
  const pending = await findLoginTicket(ticket, now);
  if (!pending || pending.stage !== "otp" || !ticket) throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  const user = await getDb().user.findUnique({ where: { id: pending.userId }, select: { id: true, email: true, status: true } });
  if (!user || user.status !== "active") throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  return { pending, user: { id: user.id, email: user.email }, ticket };
}

export async function startPasskeyStep(ticket: string | undefined, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { user } = await pendingSecondStep(ticket, now);
  return startPasskeyAuthentication(user.id, now);
}

/**
 * Checks the browser's passkey answer for the ticket's account and passes the second step. A
 * refused answer uses up one of the ticket's attempts (as a wrong code does) but not the address's
 * throttle: a passkey cannot be guessed, and its refusals are audited by verifyPasskeyAssertion.
 */
export async function verifyPasskeyStep(
  input: { ticket: string | undefined; response: unknown; trustThisDevice: boolean },
  ctx: Actor,
  now = new Date(),
): Promise<{ trustedDevice: { token: string; expiresAt: Date } | null }> {
  const { pending, user, ticket } = await pendingSecondStep(input.ticket, now);
  if (!(await takeTicketAttempt(pending.id))) throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  try {
    await verifyPasskeyAssertion({ userId: user.id, response: input.response }, { ...ctx, id: user.id, email: user.email }, now);
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid_credentials" && !(await ticketHasAttemptsLeft(pending.id)))
      throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
    throw e;
  }
  return passSecondStep({ ticket, user, trustThisDevice: input.trustThisDevice, method: "passkey" }, ctx, now);
}
