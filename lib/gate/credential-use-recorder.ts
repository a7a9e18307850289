import { getDb } from "@/lib/db/client";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";

// A credential's last use (time, IP) without a write per login: uses are kept per credential (the
// latest wins) and written in one pass every few seconds and at shutdown. Bounded: when too many
// credentials wait, the next use flushes at once.

export const USE_FLUSH_INTERVAL_MS = 5_000;
const MAX_PENDING = 20_000;

type Use = { at: Date; ip: string };

export class CredentialUseRecorder {
  private pending = new Map<string, Use>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly intervalMs = USE_FLUSH_INTERVAL_MS) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  record(credentialId: string, at: Date, ip: string): void {
    const previous = this.pending.get(credentialId);
    if (!previous || previous.at.getTime() <= at.getTime()) this.pending.set(credentialId, { at, ip: ip.slice(0, 64) });
    if (this.pending.size >= MAX_PENDING) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.intervalMs).unref();
  }

  /** Writes what is pending; flushes run one after another, so none is lost or reordered. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.flushing.then(() => writeUses(batch));
    return this.flushing;
  }
}

async function writeUses(batch: Map<string, Use>): Promise<void> {
  const db = getDb();
  for (const [id, use] of batch) {
    try {
      // Only forward: a slower instance's older use never overwrites a newer one.
      await db.credential.updateMany({
        where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: use.at } }] },
        data: { lastUsedAt: use.at, lastUsedIp: use.ip },
      });
    } catch (e) {
      log.warn("gate.last_use_not_recorded", { credentialId: id, ...errorFacts(e) });
    }
  }
}
