import type { Tx } from "@/lib/db/client";
import { accountThrottleKey } from "@/lib/throttle/throttle-keys";

// Sign-in attempts are counted per address typed and per client IP (IPv6: per /64), in the
// database so every instance shares them; lib/throttle/reserve-attempt.ts takes each attempt
// before any secret is checked. Keying on the typed address (not the account) means unknown
// addresses are slowed exactly like real ones, so throttling reveals nothing. Numbers (README
// "Throttling"):
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

/** Seconds to wait after `failures` failures, given how many are free. */
export function delayFor(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free, 16), THROTTLE.maxDelaySeconds);
}

/** A success clears the address's counter (the IP's stays: one good login must not launder a spray). */
export async function clearThrottle(tx: Tx, email: string): Promise<void> {
  await tx.throttleCounter.deleteMany({ where: { key: accountThrottleKey(email) } });
}
