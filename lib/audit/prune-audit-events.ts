import { getDb } from "@/lib/db/client";

// Retention: audit rows older than AUDIT_RETENTION_DAYS go, oldest first, a batch per statement
// so a large backlog never holds a long write lock (SQLite) or a huge transaction (PostgreSQL).

export const AUDIT_PRUNE_BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes every row created before now − retentionDays; returns how many went. */
export async function pruneAuditEvents(opts: { now: Date; retentionDays: number; batchSize?: number }): Promise<number> {
  const batchSize = opts.batchSize ?? AUDIT_PRUNE_BATCH;
  const cutoff = new Date(opts.now.getTime() - opts.retentionDays * DAY_MS);
  const db = getDb();
  let deleted = 0;
  for (;;) {
    const ids = await db.auditEvent.findMany({
      where: { createdAt: { lt: cutoff } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
      take: batchSize,
    });
    if (ids.length === 0) return deleted;
    const { count } = await db.auditEvent.deleteMany({ where: { id: { in: ids.map((r) => r.id) } } });
    deleted += count;
    if (ids.length < batchSize) return deleted;
  }
}
