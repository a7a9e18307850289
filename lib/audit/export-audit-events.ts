import { getDb } from "@/lib/db/client";
import { auditWhere, cursorWhere } from "@/lib/audit/audit-where";
import type { AuditCursor, AuditFilters } from "@/lib/audit/parse-audit-filters";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";

// The filtered audit log as CSV or JSON Lines, produced in keyset batches so an export of a
// million rows holds one batch in memory, never the whole result.

export type AuditExportFormat = "csv" | "jsonl";
export const AUDIT_EXPORT_BATCH = 2000;

export const AUDIT_EXPORT_COLUMNS = ["time", "action", "group", "result", "actor", "subject", "ip", "userAgent", "details"] as const;

/** Rows matching the filters, newest first, a batch at a time. */
export async function* auditEventBatches(filters: AuditFilters, batchSize = AUDIT_EXPORT_BATCH): AsyncGenerator<AuditEventRow[]> {
  const db = getDb();
  const where = auditWhere(filters);
  let cursor: AuditCursor | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor ? { AND: [where, cursorWhere(cursor, "older")] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batchSize,
    });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (=, +, -, @, or a tab or
 * carriage return first) gets a leading apostrophe, so opening the export runs nothing.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function values(e: AuditEventRow) {
  return {
    time: e.createdAt.toISOString(),
    action: e.action,
    group: e.actionGroup,
    result: e.result,
    actor: e.actorEmail ?? "",
    subject: e.subjectEmail ?? "",
    ip: e.ip,
    userAgent: e.userAgent,
    details: e.details,
  };
}

export function auditExportHeader(format: AuditExportFormat): string {
  return format === "csv" ? AUDIT_EXPORT_COLUMNS.join(",") + "\r\n" : "";
}

export function auditExportLine(format: AuditExportFormat, e: AuditEventRow): string {
  const v = values(e);
  if (format === "csv") return AUDIT_EXPORT_COLUMNS.map((c) => csvField(v[c])).join(",") + "\r\n";
  let details: unknown = {};
  try {
    details = JSON.parse(e.details);
  } catch {
    details = e.details;
  }
  return JSON.stringify({ ...v, details }) + "\n";
}

/** The export as text chunks (one a batch), header first; counts the rows into `counted`. */
export async function* auditExportChunks(
  filters: AuditFilters,
  format: AuditExportFormat,
  counted: { rows: number } = { rows: 0 },
): AsyncGenerator<string> {
  yield auditExportHeader(format);
  for await (const batch of auditEventBatches(filters)) {
    counted.rows += batch.length;
    yield batch.map((e) => auditExportLine(format, e)).join("");
  }
}
