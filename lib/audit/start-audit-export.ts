import { getDb } from "@/lib/db/client";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { auditExportChunks, type AuditExportFormat } from "@/lib/audit/export-audit-events";
import { auditFilterParams, type AuditFilters } from "@/lib/audit/parse-audit-filters";

/**
 * Starts an export of the filtered audit log (web and CLI): the export itself is audited first,
 * with its format and filters, then the rows follow as text chunks a batch at a time.
 */
export async function startAuditExport(filters: AuditFilters, format: AuditExportFormat, actor: Actor) {
  const params = auditFilterParams(filters);
  await getDb().$transaction((tx) =>
    recordAuditEvent(tx, {
      actor,
      action: "audit.export",
      result: "success",
      details: { format, filters: new URLSearchParams(params).toString() || "none" },
    }),
  );
  const counted = { rows: 0 };
  return { chunks: auditExportChunks(filters, format, counted), counted };
}

/** The chunks as a web stream, pulled one batch at a time as the client reads. */
export function chunksToStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
