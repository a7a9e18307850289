import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { toDomainView, type DomainView } from "@/lib/domains/domain-view";
import { AUTH_LINK_HOURS_MAX, AUTH_LINK_HOURS_MIN, isAuthLinkHours } from "@/lib/domains/auth-link-hours";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Sets how long a temporary auth link for the domain's accounts lasts when whoever creates it
 * gives no lifetime of their own. Links already created keep their expiry.
 */
export async function setDomainAuthLinkHours(name: string, hours: number, actor: Actor): Promise<DomainView> {
  if (!isAuthLinkHours(hours)) {
    const message = messageKey("errors.admin.authLinkHoursRange", { min: AUTH_LINK_HOURS_MIN, max: AUTH_LINK_HOURS_MAX });
    throw new AppError("invalid_input", message, { authLinkHours: [message] });
  }
  return getDb().$transaction(async (tx) => {
    const d = await tx.domain.findUnique({ where: { name: name.toLowerCase() }, include: { _count: { select: { users: true } } } });
    if (!d) throw new AppError("not_found", messageKey("errors.admin.domainMissing", { domain: name.toLowerCase() }));
    const updated = await tx.domain.update({ where: { id: d.id }, data: { authLinkHours: hours } });
    await recordAuditEvent(tx, {
      actor,
      action: "domain.update",
      result: "success",
      details: { domain: d.name, field: "authLinkHours", before: d.authLinkHours, after: hours },
    });
    return toDomainView(updated, d._count.users);
  });
}
