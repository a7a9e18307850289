import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { toDomainView, type DomainView } from "@/lib/domains/domain-view";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Sets the language a domain's accounts see when neither they nor their browser chose one
 * (lib/i18n/resolve-locale.ts); null removes it, so DEFAULT_LOCALE applies.
 */
export async function setDomainDefaultLocale(name: string, locale: Locale | null, actor: Actor): Promise<DomainView> {
  if (locale !== null && !isLocale(locale)) {
    throw new AppError("invalid_input", messageKey("validation.localeInvalid"), {
      defaultLocale: [messageKey("validation.localeInvalid")],
    });
  }
  return getDb().$transaction(async (tx) => {
    const d = await tx.domain.findUnique({ where: { name: name.toLowerCase() }, include: { _count: { select: { users: true } } } });
    if (!d) throw new AppError("not_found", messageKey("errors.admin.domainMissing", { domain: name.toLowerCase() }));
    const updated = await tx.domain.update({ where: { id: d.id }, data: { defaultLocale: locale } });
    await recordAuditEvent(tx, {
      actor,
      action: "domain.defaultLocale",
      result: "success",
      details: { domain: d.name, from: d.defaultLocale, to: locale },
    });
    return toDomainView(updated, d._count.users);
  });
}
