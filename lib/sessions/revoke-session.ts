import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sessionHandle } from "@/lib/sessions/list-sessions";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Signs one of the user's browsers out (target = a handle from listSessions), or every browser
 * but the current one (target = "others"). Deleting the row ends the session at its next request.
 * The current session is not revoked here: that is what Sign out is for.
 */
export async function revokeSession(
  userId: string,
  target: string,
  actor: Actor,
  opts: { currentSessionId?: string } = {},
): Promise<{ revoked: number }> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("not_found", messageKey("errors.account.userNotFound"));
    const keep = opts.currentSessionId;
    let ids: string[];
    if (target === "others") {
      const rows = await tx.session.findMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) }, select: { id: true } });
      ids = rows.map((r) => r.id);
    } else {
      // A user has a handful of sessions, so matching the handle in memory is cheap.
      const rows = await tx.session.findMany({ where: { userId }, select: { id: true } });
      const match = rows.find((r) => sessionHandle(r.id) === target);
      if (!match) throw new AppError("not_found", messageKey("errors.account.sessionGone"));
      if (match.id === keep) throw new AppError("conflict", messageKey("errors.account.currentSession"));
      ids = [match.id];
    }
    const { count } = await tx.session.deleteMany({ where: { userId, id: { in: ids } } });
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "session.revoke",
      result: "success",
      details: { scope: target === "others" ? "others" : "one", sessions: count },
    });
    return { revoked: count };
  });
}
