import { log } from "@/lib/log/logger";
import { pruneAuditEvents } from "@/lib/audit/prune-audit-events";
import { startHourlyJob } from "@/lib/process/hourly-job";

// Runs in the server process (scripts/start.ts): a minute after the start, then every hour, deletes
// audit rows older than AUDIT_RETENTION_DAYS in batches. Several instances may all run it; a
// second prune of the same rows deletes nothing.
export function startAuditRetentionJob(retentionDays: number, clock: () => Date = () => new Date()): () => void {
  return startHourlyJob("audit retention", async () => {
    const deleted = await pruneAuditEvents({ now: clock(), retentionDays });
    if (deleted > 0) log.info("audit retention pruned", { deleted, retentionDays });
  });
}
