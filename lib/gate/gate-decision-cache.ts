import { createHmac, hkdfSync } from "node:crypto";
import { onAccessChanged } from "@/lib/gate/access-changes";

// Recent positive decisions of this gate, so a mail client that logs in every few seconds costs a
// hash and a Map lookup rather than database queries. Keyed by an HMAC of user, secret, service and
// client IP under a key made at start (never the secret itself, and useless after a restart).
// Bounded in size (the oldest entry goes first) and in time (TTL ≤ 60 s); forgotten at once on
// this instance when access changes (lib/gate/access-changes.ts). Hand-written: a Map in insertion
// order is all an LRU of this kind needs.

export const MAX_CACHE_TTL_MS = 60_000;
/** Longer than any transaction that notes an access change takes to commit. */
const AFTER_COMMIT_MS = 2_000;

export type CachedDecision = { userId: string; email: string; credentialId: string | null };
type Entry = CachedDecision & { expiresAt: number };
export type CacheKeyParts = { user: string; secret: string; service: string; ip: string };

export class GateDecisionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly key: Buffer;
  // Bumped by every access change: a decision that started before one is not cached.
  private epoch = 0;
  private readonly unsubscribe: () => void;

  constructor(
    readonly opts: { maxEntries: number; ttlMs: number; secret: Buffer },
    private readonly clock: () => number = Date.now,
  ) {
    if (opts.ttlMs <= 0 || opts.ttlMs > MAX_CACHE_TTL_MS) throw new Error(`cache TTL must be 1..${MAX_CACHE_TTL_MS} ms`);
    this.key = Buffer.from(hkdfSync("sha256", opts.secret, "gatehouse", "gate-decision-cache", 32));
    // Changes are noted inside their transaction, before it commits: a decision that read the old
    // rows in that moment would be cached after the first forget, so forget once more a little later.
    this.unsubscribe = onAccessChanged((userId) => {
      this.forget(userId);
      setTimeout(() => this.forget(userId), AFTER_COMMIT_MS).unref();
    });
  }

  get size(): number {
    return this.entries.size;
  }

  get currentEpoch(): number {
    return this.epoch;
  }

  keyOf(parts: CacheKeyParts): string {
    return createHmac("sha256", this.key).update(`${parts.user}\0${parts.secret}\0${parts.service}\0${parts.ip}`).digest("base64url");
  }

  get(key: string): CachedDecision | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /**
   * Stores a positive decision unless access changed since `epoch` (when the decision started);
   * never past `notAfter` (a credential's expiry), so an expiring credential stops on time.
   */
  set(key: string, decision: CachedDecision, epoch: number, notAfter: Date | null = null): void {
    if (epoch !== this.epoch) return;
    this.entries.delete(key);
    while (this.entries.size >= this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const expiresAt = Math.min(this.clock() + this.opts.ttlMs, notAfter?.getTime() ?? Infinity);
    if (expiresAt <= this.clock()) return;
    this.entries.set(key, { ...decision, expiresAt });
  }

  /** Forgets one account's decisions, or all of them (`null`). */
  forget(userId: string | null): void {
    this.epoch++;
    if (userId === null) {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) if (entry.userId === userId) this.entries.delete(key);
  }

  close(): void {
    this.unsubscribe();
    this.entries.clear();
  }
}
