import { messageKey } from "@/lib/i18n/message-key";
import type { SessionUser } from "@/lib/sessions/session-store";

// "Sudo mode": sensitive self-service actions (new credentials, authenticator devices, recovery
// codes, trusted devices, other sessions) need a proof of identity this recent. Signing in is one;
// re-entering the password or a code in the re-authentication dialog is another.
export const FRESH_PROOF_MS = 10 * 60 * 1000;

export const REAUTH_REQUIRED_MESSAGE = messageKey("errors.reauthRequired");

/**
 * Whether the session proved who it is within the last 10 minutes. Sessions opened with a service
 * credential never have a fresh proof. A proof stamped in the future (clocks of several instances
 * differ a little) counts only within the same window, so a bad value cannot make it last forever.
 */
export function hasFreshProof(session: Pick<SessionUser, "authMethod" | "verifiedAt">, now: Date = new Date()): boolean {
  if (session.authMethod === "credential" || !session.verifiedAt) return false;
  const age = now.getTime() - session.verifiedAt.getTime();
  return age < FRESH_PROOF_MS && age > -FRESH_PROOF_MS;
}
