import { isIP } from "node:net";
import { z } from "zod";

// The audit viewer's filters, read from the page's URL, the export's URL and the CLI's words in
// one place. Every value is capped and checked; a bad one names its field and changes nothing.

export type AuditFilters = {
  group?: string;
  result?: "success" | "failure" | "denied";
  actor?: string;
  subject?: string;
  ip?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
};

/** A position in the newest-first order: the (createdAt, id) of a row shown. */
export type AuditCursor = { createdAt: Date; id: string };

export type AuditQuery = { filters: AuditFilters; before?: AuditCursor; after?: AuditCursor };

export const AUDIT_FILTER_FIELDS = ["group", "result", "actor", "subject", "ip", "from", "to"] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number] | "before" | "after" | "range";

export type AuditFilterError = { field: AuditFilterField; message: string };

const TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** `2026-12-05`, `2026-12-05T07:30`, `2026-12-05T07:30:00Z`, `…+01:00`; without a zone, UTC. */
export function parseAuditTime(raw: string): Date | null {
  const m = TIME.exec(raw.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2] ?? "00:00"}${m[3] ? m[3].toUpperCase() : "Z"}`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 2026-02-31 over to March: refuse dates that do not exist.
  if (!m[3] && new Date(ms).toISOString().slice(0, 10) !== m[1]) return null;
  return new Date(ms);
}

const CURSOR = /^(\d{1,15})_([A-Za-z0-9_-]{1,64})$/;

export function formatAuditCursor(c: AuditCursor): string {
  return `${c.createdAt.getTime()}_${c.id}`;
}

export function parseAuditCursor(raw: string): AuditCursor | null {
  const m = CURSOR.exec(raw);
  return m ? { createdAt: new Date(Number(m[1])), id: m[2] } : null;
}

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.trim())
    .optional();

const schema = z.object({
  group: optionalText(32).refine((v) => !v || /^[a-z0-9_]{1,32}$/i.test(v)),
  result: optionalText(16).refine((v) => !v || ["success", "failure", "denied"].includes(v.toLowerCase())),
  actor: optionalText(320),
  subject: optionalText(320),
  ip: optionalText(64).refine((v) => !v || isIP(v) !== 0),
  from: optionalText(40).refine((v) => !v || parseAuditTime(v) !== null),
  to: optionalText(40).refine((v) => !v || parseAuditTime(v) !== null),
  before: optionalText(100).refine((v) => !v || parseAuditCursor(v) !== null),
  after: optionalText(100).refine((v) => !v || parseAuditCursor(v) !== null),
});

const ENGLISH: Record<AuditFilterField, string> = {
  group: "group must be a word of letters, digits and _ (login, session, 2fa, credential, …).",
  result: "result must be success, failure or denied.",
  actor: "actor must be at most 320 characters.",
  subject: "subject must be at most 320 characters.",
  ip: "ip must be an IPv4 or IPv6 address.",
  from: "from must be a date or time like 2026-12-05 or 2026-12-05T07:30 (UTC unless a zone is given).",
  to: "to must be a date or time like 2026-12-05 or 2026-12-05T07:30 (UTC unless a zone is given).",
  before: "before is not a position in the audit log.",
  after: "after is not a position in the audit log.",
  range: "from must be earlier than to.",
};

type Raw = Partial<Record<(typeof AUDIT_FILTER_FIELDS)[number] | "before" | "after", unknown>>;

/**
 * Reads the filters (and an optional cursor) from strings; empty values mean "no filter". Non-string
 * values (a repeated URL parameter) are refused. Addresses are compared in lower case, as stored.
 */
export function parseAuditFilters(raw: Raw): { ok: true; query: AuditQuery } | { ok: false; error: AuditFilterError } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0].path[0]) as AuditFilterField;
    return { ok: false, error: { field, message: ENGLISH[field] ?? "invalid filter." } };
  }
  const v = parsed.data;
  const filters: AuditFilters = {};
  if (v.group) filters.group = v.group.toLowerCase();
  if (v.result) filters.result = v.result.toLowerCase() as AuditFilters["result"];
  if (v.actor) filters.actor = v.actor.toLowerCase();
  if (v.subject) filters.subject = v.subject.toLowerCase();
  if (v.ip) filters.ip = v.ip.toLowerCase();
  if (v.from) filters.from = parseAuditTime(v.from)!;
  if (v.to) filters.to = parseAuditTime(v.to)!;
  if (filters.from && filters.to && filters.from >= filters.to) {
    return { ok: false, error: { field: "range", message: ENGLISH.range } };
  }
  if (v.before && v.after) return { ok: false, error: { field: "after", message: ENGLISH.after } };
  const before = v.before ? parseAuditCursor(v.before)! : undefined;
  const after = v.after ? parseAuditCursor(v.after)! : undefined;
  return { ok: true, query: { filters, ...(before ? { before } : {}), ...(after ? { after } : {}) } };
}

/** The filters as URL parameters (or CLI words), for links that keep them. Times in ISO form. */
export function auditFilterParams(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.group) out.group = f.group;
  if (f.result) out.result = f.result;
  if (f.actor) out.actor = f.actor;
  if (f.subject) out.subject = f.subject;
  if (f.ip) out.ip = f.ip;
  if (f.from) out.from = f.from.toISOString();
  if (f.to) out.to = f.to.toISOString();
  return out;
}
