import { delayFor, THROTTLE } from "@/lib/throttle/login-throttle";
import { accountThrottleKey, ipThrottleKey } from "@/lib/throttle/throttle-keys";
import type { ThrottleKeys } from "@/lib/throttle/reserve-attempt";

type CounterRow = { key: string; failures: number; lastFailureAt: Date };

/** The counter names of a typed address and a client IP: [account, ip]. */
export function throttleKeysOf(keys: ThrottleKeys): [string, string] {
  return [accountThrottleKey(keys.email), ipThrottleKey(keys.ip)];
}

/**
 * Seconds the typed address or the client IP must still wait given their counters' rows (0: none),
 * the same arithmetic as reserveAttempt but counting nothing. For the gate's generated-credential
 * path: a 140-bit secret cannot be guessed, so its one lookup need not be reserved first; a miss
 * goes on to reserveAttempt like any other attempt.
 */
export function waitFromCounters(rows: readonly CounterRow[], accountKey: string, now: Date): number {
  let waitMs = 0;
  for (const row of rows) {
    const elapsed = now.getTime() - row.lastFailureAt.getTime();
    if (elapsed > THROTTLE.windowMs) continue;
    const free = row.key === accountKey ? THROTTLE.freeAccountFailures : THROTTLE.freeIpFailures;
    waitMs = Math.max(waitMs, delayFor(row.failures, free) * 1000 - elapsed);
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}
