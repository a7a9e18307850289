import type { Actor } from "@/lib/audit/record-audit-event";
import { advanceLoginTicket, findLoginTicket } from "@/lib/auth/login-ticket";
import { SIGN_IN_EXPIRED_MESSAGE } from "@/lib/auth/verify-otp-step";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { confirmTotpDevice } from "@/lib/two-factor/devices/confirm-totp-device";
import { enrolTotpDevice } from "@/lib/two-factor/devices/enrol-totp-device";
import type { RawTotpOptions } from "@/lib/two-factor/devices/totp-options";
import { finishPasskeyRegistration } from "@/lib/passkeys/finish-passkey-registration";
import { startPasskeyRegistration } from "@/lib/passkeys/start-passkey-registration";

// Enrolment right after the password step, for a user who must have a second factor but has no
// device yet (within the admin's grace period), and for a new hire arriving by auth link: a passkey
// (offered first) or an authenticator app. The ticket, not a session, says who they are.

async function ticketUser(ticket: string | undefined, now: Date) {
  const pending = await findLoginTicket(ticket, now);
  if (!pending || pending.stage !== "enrol") throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  return pending.userId;
}

export async function startEnrolmentAtSignIn(
  ticket: string | undefined,
  input: { label: string; options?: RawTotpOptions },
  actor: Actor,
  now = new Date(),
) {
  const userId = await ticketUser(ticket, now);
  const { deviceId, secret, uri } = await enrolTotpDevice(userId, input, { ...actor, id: userId }, now);
  return { deviceId, secret, uri };
}

export async function confirmEnrolmentAtSignIn(ticket: string | undefined, deviceId: string, code: string, actor: Actor, now = new Date()) {
  const userId = await ticketUser(ticket, now);
  const result = await confirmTotpDevice(userId, deviceId, code, { ...actor, id: userId }, now);
  const advanced = await getDb().$transaction((tx) => advanceLoginTicket(tx, ticket!, "enrol", "ready", now, "otp"));
  if (!advanced) throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  return result;
}

export async function startPasskeyEnrolmentAtSignIn(ticket: string | undefined, now = new Date()) {
  return startPasskeyRegistration(await ticketUser(ticket, now), now);
}

/** Stores the passkey, then moves the ticket on: the person signs in with the factor just added. */
export async function finishPasskeyEnrolmentAtSignIn(
  ticket: string | undefined,
  input: { name: unknown; response: unknown },
  actor: Actor,
  now = new Date(),
): Promise<{ name: string }> {
  const userId = await ticketUser(ticket, now);
  const { name } = await finishPasskeyRegistration(userId, input, { ...actor, id: userId }, now);
  const advanced = await getDb().$transaction((tx) => advanceLoginTicket(tx, ticket!, "enrol", "ready", now, "otp"));
  if (!advanced) throw new AppError("expired", SIGN_IN_EXPIRED_MESSAGE);
  return { name };
}
