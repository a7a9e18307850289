import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

/** Deletes an empty domain; a domain with users is refused so no account is lost by accident. */
export async function deleteDomain(name: string, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const d = await tx.domain.findUnique({ where: { name: name.toLowerCase() }, include: { _count: { select: { users: true } } } });
    if (!d) throw new AppError("not_found", messageKey("errors.admin.domainNotFound"));
    if (d._count.users > 0)
      throw new AppError("conflict", messageKey("errors.admin.domainHasUsers", { domain: d.name, count: d._count.users }));
    await tx.domain.delete({ where: { id: d.id } });
    await recordAuditEvent(tx, { actor, action: "domain.delete", result: "success", details: { domain: d.name } });
  });
}
