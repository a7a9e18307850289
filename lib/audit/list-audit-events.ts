import { getDb } from "@/lib/db/client";
import { auditWhere, cursorWhere } from "@/lib/audit/audit-where";
import type { AuditQuery } from "@/lib/audit/parse-audit-filters";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE_MAX = 1000;

/**
 * One page of audit events, newest first, by keyset: `before` gives the page older than a row,
 * `after` the page newer than one; neither, the newest. Never an OFFSET, so the last page costs
 * what the first does. `hasOlder`/`hasNewer` say whether the "Older"/"Newer" links lead anywhere.
 */
export async function listAuditEvents(query: AuditQuery, opts: { pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? AUDIT_PAGE_SIZE, 1), AUDIT_PAGE_SIZE_MAX);
  const db = getDb();
  const where = auditWhere(query.filters);
  if (query.after) {
    const rows = await db.auditEvent.findMany({
      where: { AND: [where, cursorWhere(query.after, "newer")] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: pageSize + 1,
    });
    // Fewer than a page newer: that is the first page, shown whole.
    if (rows.length <= pageSize) return listAuditEvents({ filters: query.filters }, opts);
    return { events: rows.slice(0, pageSize).reverse(), hasOlder: true, hasNewer: true };
  }
  const rows = await db.auditEvent.findMany({
    where: query.before ? { AND: [where, cursorWhere(query.before, "older")] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
  });
  return { events: rows.slice(0, pageSize), hasOlder: rows.length > pageSize, hasNewer: !!query.before };
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];
