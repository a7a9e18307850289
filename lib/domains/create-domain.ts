import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { toDomainView, type DomainView } from "@/lib/domains/domain-view";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

export async function createDomain(name: string, actor: Actor): Promise<DomainView> {
  return getDb().$transaction(async (tx) => {
    if (await tx.domain.findUnique({ where: { name } })) {
      throw new AppError("conflict", messageKey("errors.admin.domainExists", { domain: name }), {
        name: [messageKey("validation.admin.domainExists")],
      });
    }
    const d = await tx.domain.create({ data: { name } });
    await recordAuditEvent(tx, { actor, action: "domain.create", result: "success", details: { domain: name } });
    return toDomainView(d, 0);
  });
}
