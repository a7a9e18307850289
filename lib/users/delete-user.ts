import { noteAccessChanged } from "@/lib/gate/access-changes";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { findUser } from "@/lib/users/find-user";

/** Deletes a user with their sessions, devices and credentials (cascade). The audit trail stays. */
export async function deleteUser(idOrEmail: string, actor: Actor): Promise<{ id: string; email: string }> {
  return getDb().$transaction(async (tx) => {
    const user = await findUser(idOrEmail, tx);
    if (user.id === actor.id) throw new AppError("forbidden", messageKey("errors.admin.deleteSelf"));
    if (user.role === "admin") {
      const admins = await tx.user.count({ where: { role: "admin", status: "active" } });
      if (admins <= 1 && user.status === "active") throw new AppError("conflict", messageKey("errors.admin.lastAdmin"));
    }
    await tx.pendingLogin.deleteMany({ where: { userId: user.id } });
    await tx.user.delete({ where: { id: user.id } });
    noteAccessChanged(user.id);
    await recordAuditEvent(tx, { actor, subject: user, action: "user.delete", result: "success" });
    return { id: user.id, email: user.email };
  });
}
