import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { revokeUserAccess, type AccessRevocation } from "@/lib/sessions/revoke-user-access";
import type { SessionUser } from "@/lib/sessions/session-store";

/**
 * "This wasn't me": every other session ends, trusted devices are forgotten and pending auth links
 * revoked, in one transaction with its audit row. The current session stays, so the person can go
 * straight on to change the password (the portal leads them there); service credentials stay too,
 * listed beside the activity for them to review, because deleting them would cut off every mail
 * client at once on a guess.
 */
export async function reportUnrecognisedActivity(
  user: Pick<SessionUser, "id" | "email" | "sessionId">,
  actor: Actor,
): Promise<AccessRevocation> {
  return getDb().$transaction(async (tx) => {
    const revoked = await revokeUserAccess(tx, user.id, { keepSessionId: user.sessionId });
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "account.unrecognised_activity",
      result: "success",
      details: { sessions: revoked.sessions, trustedDevices: revoked.trustedDevices, authLinks: revoked.authLinks },
    });
    return revoked;
  });
}
