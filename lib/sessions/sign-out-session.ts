import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { sha256Hex } from "@/lib/crypto/tokens";
import type { SessionUser } from "@/lib/sessions/session-store";

/**
 * Sign out: the session row goes, so the cookie is worthless even if a copy survives.
 * `user` is null when the session had already ended; the row (if any) is still deleted.
 */
export async function signOutSession(rawSessionId: string, user: Pick<SessionUser, "id" | "email"> | null, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: sha256Hex(rawSessionId) } });
    if (user) await recordAuditEvent(tx, { actor, subject: user, action: "session.logout", result: "success" });
  });
}
