import { getDb, type Tx } from "@/lib/db/client";

// Failed sign-ins are counted per address typed and per client IP, in the database so every
// instance shares them. Keying on the typed address (not the account) means unknown addresses are
// slowed exactly like real ones, so throttling reveals nothing. Numbers (README "Throttling"):
export const THROTTLE = {
  /** Failures per address before delays start. */
  freeAccountFailures: 5,
  /** Failures per IP before delays start (an office behind one NAT shares an IP). */
  freeIpFailures: 20,
  /** The delay doubles from 1 s with each failure past the free ones, up to this. */
  maxDelaySeconds: 60,
  /** A counter with no failure for this long starts again from zero. */
  windowMs: 60 * 60 * 1000,
  /** Consecutive failed sign-ins that lock an account until an admin unlocks it (NIST 800-63B). */
  lockAfterFailures: 100,
} as const;

export type ThrottleKeys = { email: string; ip: string };
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase().slice(0, 254)}`;
const ipKey = (ip: string) => `ip:${ip || "unknown"}`;

/** Seconds to wait after `failures` failures, given how many are free. */
export function delayFor(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free, 16), THROTTLE.maxDelaySeconds);
}

/** May another attempt be made now? Refuses while the last failure's delay has not passed. */
export async function checkThrottle(keys: ThrottleKeys, now = new Date()): Promise<ThrottleVerdict> {
  const rows = await getDb().throttleCounter.findMany({ where: { key: { in: [accountKey(keys.email), ipKey(keys.ip)] } } });
  let wait = 0;
  for (const row of rows) {
    const elapsed = now.getTime() - row.lastFailureAt.getTime();
    if (elapsed > THROTTLE.windowMs) continue;
    const free = row.key.startsWith("ip:") ? THROTTLE.freeIpFailures : THROTTLE.freeAccountFailures;
    wait = Math.max(wait, delayFor(row.failures, free) * 1000 - elapsed);
  }
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}

/** Counts a failure against the address and the IP. */
export async function recordThrottleFailure(tx: Tx, keys: ThrottleKeys, now = new Date()): Promise<void> {
  for (const key of [accountKey(keys.email), ipKey(keys.ip)]) {
    const row = await tx.throttleCounter.findUnique({ where: { key } });
    const stale = row && now.getTime() - row.lastFailureAt.getTime() > THROTTLE.windowMs;
    await tx.throttleCounter.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: now },
      update: stale ? { failures: 1, lastFailureAt: now } : { failures: { increment: 1 }, lastFailureAt: now },
    });
  }
}

/** A success clears the address's counter (the IP's stays: one good login must not launder a spray). */
export async function clearThrottle(tx: Tx, email: string): Promise<void> {
  await tx.throttleCounter.deleteMany({ where: { key: accountKey(email) } });
}
