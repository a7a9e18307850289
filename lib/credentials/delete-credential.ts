import { noteAccessChanged } from "@/lib/gate/access-changes";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Deletes one credential of one account. The row goes at once, so the next check fails. A
 * credential of another account is "not found", exactly like one that never existed.
 */
export async function deleteCredential(owner: { userId: string; id: string }, actor: Actor): Promise<{ id: string; label: string }> {
  return getDb().$transaction(async (tx) => {
    const row = await tx.credential.findFirst({
      where: { id: owner.id, userId: owner.userId },
      select: { id: true, label: true, services: true, user: { select: { id: true, email: true } } },
    });
    if (!row) throw new AppError("not_found", messageKey("errors.credentials.notFound"));
    const gone = await tx.credential.deleteMany({ where: { id: row.id, userId: owner.userId } });
    if (gone.count !== 1) throw new AppError("not_found", messageKey("errors.credentials.notFound"));
    // Web sessions this credential opened end with it.
    await tx.session.deleteMany({ where: { credentialId: row.id } });
    noteAccessChanged(owner.userId); // the gate's cached yeses too
    await recordAuditEvent(tx, {
      actor,
      subject: row.user,
      action: "credential.delete",
      result: "success",
      details: { credentialId: row.id, label: row.label, services: row.services },
    });
    return { id: row.id, label: row.label };
  });
}
