import { log } from "@/lib/log/logger";
import { describeError } from "@/lib/log/error-facts";
import { pruneAuditEvents } from "@/lib/audit/prune-audit-events";

// Runs in the server process (scripts/start.ts): a minute after the start, then every hour, deletes
// audit rows older than AUDIT_RETENTION_DAYS in batches. Several instances may all run it; a
// second prune of the same rows deletes nothing.

const EVERY_MS = 60 * 60 * 1000;

export function startAuditRetentionJob(retentionDays: number, clock: () => Date = () => new Date()): () => void {
  const tick = () =>
    pruneAuditEvents({ now: clock(), retentionDays }).then(
      (deleted) => deleted > 0 && log.info("audit retention pruned", { deleted, retentionDays }),
      (e: unknown) => log.error("audit retention job failed", { error: describeError(e) }),
    );
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
