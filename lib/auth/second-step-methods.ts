import { cookies } from "next/headers";
import { cookieName } from "@/lib/auth/cookie-names";
import { findLoginTicket } from "@/lib/auth/login-ticket";
import { secondFactorCounts } from "@/lib/two-factor/devices/has-second-factor";

export type SecondStepMethods = { passkey: boolean; code: boolean };

/**
 * Which second factors the page of the second step offers for the account this browser's login
 * ticket names: a passkey when it has one, a code when it has an authenticator app or unused
 * recovery codes. Null without a ticket at that step. Only booleans leave: no names, no ids.
 */
export async function secondStepMethods(now = new Date()): Promise<SecondStepMethods | null> {
  const pending = await findLoginTicket((await cookies()).get(cookieName("login"))?.value, now);
  if (!pending || (pending.stage !== "otp" && pending.stage !== "ready")) return null;
  const counts = await secondFactorCounts(pending.userId);
  if (!counts) return null;
  const { passkeys, totpDevices, recoveryCodes } = counts;
  return { passkey: passkeys > 0, code: totpDevices > 0 || recoveryCodes > 0 || passkeys === 0 };
}
