import { getDb } from "@/lib/db/client";

/** Audit events, newest first, optionally filtered by action prefix or an address. */
export async function listAuditEvents(opts: { page?: number; pageSize?: number; query?: string; subjectId?: string } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 50, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  const q = (opts.query ?? "").trim().toLowerCase().slice(0, 100);
  const where = {
    ...(opts.subjectId ? { subjectId: opts.subjectId } : {}),
    ...(q ? { OR: [{ action: { startsWith: q } }, { actorEmail: { contains: q } }, { subjectEmail: { contains: q } }] } : {}),
  };
  const db = getDb();
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, page, pageCount: Math.max(Math.ceil(total / pageSize), 1) };
}
