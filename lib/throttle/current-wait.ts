import { getDb } from "@/lib/db/client";
import { delayFor, THROTTLE } from "@/lib/throttle/login-throttle";
import { accountThrottleKey, ipThrottleKey } from "@/lib/throttle/throttle-keys";
import type { ThrottleKeys } from "@/lib/throttle/reserve-attempt";

/**
 * Seconds the typed address or the client IP must still wait (0: none), read without counting an
 * attempt. For the gate's generated-credential path only: a 140-bit secret cannot be guessed, so
 * it need not be reserved before its one lookup; a miss goes on to reserveAttempt like any other.
 */
export async function currentWait(keys: ThrottleKeys, now = new Date()): Promise<number> {
  const account = accountThrottleKey(keys.email);
  const ip = ipThrottleKey(keys.ip);
  const rows = await getDb().throttleCounter.findMany({ where: { key: { in: [account, ip] } } });
  let waitMs = 0;
  for (const row of rows) {
    const elapsed = now.getTime() - row.lastFailureAt.getTime();
    if (elapsed > THROTTLE.windowMs) continue;
    const free = row.key === account ? THROTTLE.freeAccountFailures : THROTTLE.freeIpFailures;
    waitMs = Math.max(waitMs, delayFor(row.failures, free) * 1000 - elapsed);
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}
