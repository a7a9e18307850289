import type { AuditCursor, AuditFilters } from "@/lib/audit/parse-audit-filters";

// The WHERE of every audit view (page, export, CLI). Each filter is an equality on a column whose
// index ends in (createdAt, id), so the newest-first order and a cursor stay an index range scan.

export function auditWhere(f: AuditFilters) {
  return {
    ...(f.group ? { actionGroup: f.group } : {}),
    ...(f.result ? { result: f.result } : {}),
    ...(f.actor ? { actorEmail: f.actor } : {}),
    ...(f.subject ? { subjectEmail: f.subject } : {}),
    ...(f.ip ? { ip: f.ip } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

/**
 * Rows strictly older (`older`) or newer than the cursor in (createdAt, id) order. Written as a
 * range on createdAt plus a tie-break, so the database seeks to the cursor instead of filtering.
 */
export function cursorWhere(c: AuditCursor, direction: "older" | "newer") {
  return direction === "older"
    ? { AND: [{ createdAt: { lte: c.createdAt } }, { OR: [{ createdAt: { lt: c.createdAt } }, { id: { lt: c.id } }] }] }
    : { AND: [{ createdAt: { gte: c.createdAt } }, { OR: [{ createdAt: { gt: c.createdAt } }, { id: { gt: c.id } }] }] };
}
