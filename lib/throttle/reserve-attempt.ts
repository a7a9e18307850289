import { getDb } from "@/lib/db/client";
import { countMetric } from "@/lib/metrics/count-metric";
import { throttleRefusal } from "@/lib/throttle/throttle-refusal";
import { delayFor, THROTTLE } from "@/lib/throttle/login-throttle";
import { accountThrottleKey, ipThrottleKey } from "@/lib/throttle/throttle-keys";

// Every attempt is counted as a failure BEFORE its secret is checked, with a compare-and-set on
// the counter, so guesses sent at once cannot all pass a check that is only written to after
// argon2 has run. A right secret hands the attempt back (releaseAttempt); a wrong one leaves it
// counted. Refused attempts write nothing.

export type ThrottleKeys = { email: string; ip: string };
type Counter = { failures: number; lastFailureAt: Date };
type CounterRow = { key: string } & Counter;
type Taken = { key: string; set: Counter; previous: Counter | null };
/** The attempts counted by reserveAttempt, to hand to releaseAttempt when the secret was right. */
export type Reservation = { readonly taken: readonly Taken[] };
export type ReserveOutcome = { reserved: true; reservation: Reservation } | { reserved: false; retryAfterSeconds: number };

// Each lost compare-and-set means another attempt was counted, and the counter refuses once it
// passes its allowance, so a burst settles in about `free` rounds; this bound is only a backstop.
const MAX_ROUNDS = 64;

/** Counts one attempt against the typed address and the client IP, or says how long to wait. */
export async function reserveAttempt(keys: ThrottleKeys, now = new Date()): Promise<ReserveOutcome> {
  return reserveCounters(
    [
      { key: accountThrottleKey(keys.email), free: THROTTLE.freeAccountFailures },
      { key: ipThrottleKey(keys.ip), free: THROTTLE.freeIpFailures },
    ],
    now,
  );
}

/** Counts one attempt against the client IP only: for ways in that name no address (auth links). */
export async function reserveIpAttempt(ip: string, now = new Date()): Promise<ReserveOutcome> {
  return reserveCounters([{ key: ipThrottleKey(ip), free: THROTTLE.freeIpFailures }], now);
}

async function reserveCounters(counters: { key: string; free: number }[], now: Date): Promise<ReserveOutcome> {
  const taken: Taken[] = [];
  // Both counters read in one query for the first round; a lost compare-and-set reads its row again.
  const rows = await getDb().throttleCounter.findMany({ where: { key: { in: counters.map((c) => c.key) } } });
  for (const { key, free } of counters) {
    const outcome = await reserveOne(key, free, now, rows.find((r) => r.key === key) ?? null);
    if ("waitMs" in outcome) {
      await releaseAttempt({ taken });
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.waitMs / 1000));
      countMetric({ name: "throttle_delay", seconds: retryAfterSeconds });
      return { reserved: false, retryAfterSeconds };
    }
    taken.push(outcome);
  }
  return { reserved: true, reservation: { taken } };
}

/** reserveAttempt for the ways in: a refusal is the generic "wait N seconds" error. */
export async function reserveAttemptOrThrow(keys: ThrottleKeys, now = new Date()): Promise<Reservation> {
  const outcome = await reserveAttempt(keys, now);
  if (!outcome.reserved) throw throttleRefusal(outcome.retryAfterSeconds);
  return outcome.reservation;
}

/**
 * The secret was right: the attempt was no failure. Where nobody has counted since, each counter
 * goes back exactly as it was, time included (else right passwords from a busy office would keep
 * moving its IP's delay and one-hour window forward); otherwise only this attempt is taken back.
 */
export async function releaseAttempt(reservation: Reservation): Promise<void> {
  const db = getDb();
  for (const { key, set, previous } of [...reservation.taken].reverse()) {
    const untouched = { key, failures: set.failures, lastFailureAt: set.lastFailureAt };
    const restored = previous
      ? await db.throttleCounter.updateMany({ where: untouched, data: previous })
      : await db.throttleCounter.deleteMany({ where: untouched });
    if (restored.count === 1) continue;
    await db.throttleCounter.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  }
}

async function reserveOne(key: string, free: number, now: Date, firstRead: CounterRow | null): Promise<Taken | { waitMs: number }> {
  const db = getDb();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = round === 0 ? firstRead : await db.throttleCounter.findUnique({ where: { key } });
    if (!row) {
      const set = { failures: 1, lastFailureAt: now };
      if (await createCounter(key, set)) return { key, set, previous: null };
      continue; // created by a parallel attempt a moment ago: decide on its row
    }
    const previous = { failures: row.failures, lastFailureAt: row.lastFailureAt };
    const elapsed = now.getTime() - previous.lastFailureAt.getTime();
    const stale = elapsed > THROTTLE.windowMs;
    const waitMs = stale ? 0 : delayFor(previous.failures, free) * 1000 - elapsed;
    if (waitMs > 0) return { waitMs };
    const set = {
      failures: stale ? 1 : previous.failures + 1,
      lastFailureAt: new Date(Math.max(now.getTime(), previous.lastFailureAt.getTime())),
    };
    // Compare-and-set on the row as read: of parallel attempts exactly one moves it on, and the
    // others read it again (a stale counter is reset the same way, so only one attempt resets it).
    const moved = await db.throttleCounter.updateMany({ where: { key, ...previous }, data: set });
    if (moved.count === 1) return { key, set, previous };
  }
  return { waitMs: 1000 }; // contended beyond reason: refuse rather than let a guess through uncounted
}

async function createCounter(key: string, set: Counter): Promise<boolean> {
  try {
    await getDb().throttleCounter.create({ data: { key, ...set } });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return false; // unique violation: lost the race
    throw error;
  }
}
