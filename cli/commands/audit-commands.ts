import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { cliActor, defineCommand, formatTable } from "@/cli/command";
import { UsageError } from "@/cli/args";
import { AUDIT_PAGE_SIZE_MAX, listAuditEvents } from "@/lib/audit/list-audit-events";
import { formatAuditCursor, parseAuditFilters, parseAuditTime, type AuditQuery } from "@/lib/audit/parse-audit-filters";
import { startAuditExport } from "@/lib/audit/start-audit-export";

// `gatehouse audit list|export`: the audit viewer's filters as Carbonio-style words
// (`audit list group login result failure from 2026-12-01`), checked by the same module as the page.

const filterOptions = {
  group: { type: "string", keyValue: true },
  result: { type: "string", keyValue: true },
  actor: { type: "string", keyValue: true },
  subject: { type: "string", keyValue: true },
  ip: { type: "string", keyValue: true },
  from: { type: "string", keyValue: true },
  to: { type: "string", keyValue: true },
  until: { type: "string", keyValue: true },
} as const;

type FilterWords = {
  group?: string;
  result?: string;
  actor?: string;
  subject?: string;
  ip?: string;
  from?: string;
  to?: string;
  until?: string;
};

function filtersFrom(o: FilterWords & { before?: string }, to: string | undefined): AuditQuery {
  if (o.until !== undefined && to !== undefined) throw new UsageError("Give the end of the time range once: to or until.", false);
  const parsed = parseAuditFilters({ ...o, to: to ?? o.until });
  if (!parsed.ok) throw new UsageError(parsed.error.message, false);
  return parsed.query;
}

const FILTER_USAGE = "[group G] [result success|failure|denied] [actor A] [subject S] [ip IP] [from ISO] [to|until ISO]";

export const auditCommands = [
  defineCommand({
    path: ["audit", "list"],
    summary: "list audit events, newest first; `before CURSOR` (from --json's `older`) gives the next page",
    usage: `gatehouse audit list ${FILTER_USAGE} [limit N] [before CURSOR] [--json]`,
    spec: {
      positionals: [],
      options: { ...filterOptions, limit: { type: "int", keyValue: true }, before: { type: "string", keyValue: true } },
    },
    async run({ options }) {
      const { limit = 50, ...words } = options;
      if (limit < 1 || limit > AUDIT_PAGE_SIZE_MAX) throw new UsageError(`limit must be from 1 to ${AUDIT_PAGE_SIZE_MAX}.`, false);
      const page = await listAuditEvents(filtersFrom(words, words.to), { pageSize: limit });
      const last = page.events[page.events.length - 1];
      return {
        events: page.events.map((e) => ({
          time: e.createdAt.toISOString(),
          action: e.action,
          group: e.actionGroup,
          result: e.result,
          actor: e.actorEmail,
          subject: e.subjectEmail,
          ip: e.ip,
          userAgent: e.userAgent,
          details: JSON.parse(e.details) as unknown,
        })),
        older: page.hasOlder && last ? formatAuditCursor(last) : null,
      };
    },
    text: ({ events, older }) =>
      [
        formatTable(
          events.map((e) => ({
            ...e,
            actor: e.actor ?? "-",
            subject: e.subject ?? "-",
            ip: e.ip || "-",
            details: JSON.stringify(e.details),
          })),
          ["time", "action", "result", "actor", "subject", "ip", "details"],
        ),
        ...(older ? [`(more: add "before ${older}")`] : []),
      ].join("\n"),
  }),
  defineCommand({
    path: ["audit", "export"],
    summary:
      "export the filtered audit log as CSV or JSON Lines, streamed, to stdout or a file (`to PATH`; a date or time after `to` is the range's end, or use `until`)",
    usage: `gatehouse audit export ${FILTER_USAGE} --format csv|jsonl [to PATH | output PATH] [--json]`,
    spec: {
      positionals: [],
      options: {
        ...filterOptions,
        format: { type: "string", keyValue: true },
        output: { type: "string", keyValue: true, aliases: ["file"] },
      },
    },
    async run({ options }) {
      const { format: rawFormat, output, ...words } = options;
      const format = rawFormat?.toLowerCase();
      if (format !== "csv" && format !== "jsonl") throw new UsageError("format must be csv or jsonl.", false);
      // `to` is the range's end when it reads as a date or time, else the file to write.
      const toIsTime = words.to !== undefined && parseAuditTime(words.to) !== null;
      const path = output ?? (toIsTime ? undefined : words.to);
      if (output !== undefined && words.to !== undefined && !toIsTime) throw new UsageError("Give the file once: to or output.", false);
      if (path !== undefined && path.trim() === "") throw new UsageError("The file name is empty.", false);
      const query = filtersFrom(words, toIsTime ? words.to : undefined);
      const { chunks, counted } = await startAuditExport(query.filters, format, cliActor());
      if (path === undefined) {
        await pipeline(Readable.from(chunks), process.stdout, { end: false });
        return { format, rows: counted.rows, file: null as string | null };
      }
      // The audit trail names people and addresses: the file is the operator's alone.
      await pipeline(Readable.from(chunks), createWriteStream(path, { mode: 0o600 }));
      return { format, rows: counted.rows, file: path as string | null };
    },
    text: (r) => (r.file ? `exported ${r.rows} audit event(s) as ${r.format} to ${r.file}` : ""),
  }),
];
