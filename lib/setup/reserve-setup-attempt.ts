import { getDb } from "@/lib/db/client";

// The first-admin setup form is open to anyone who reaches the server, so attempts are counted
// per client IP in the shared throttle table (its own key space, apart from sign-in counters),
// and counted before any work is done: a burst of parallel requests gets the allowance and no more.
export const SETUP_ATTEMPTS = {
  /** Attempts per client IP in one window. */
  perIp: 10,
  /** The window starts at the first attempt. */
  windowMs: 60 * 60 * 1000,
} as const;

const keyOf = (ip: string) => `setup-ip:${ip || "unknown"}`;

/** Counts one attempt from `ip`; true while the count is within the allowance. */
export async function reserveSetupAttempt(ip: string, now = new Date()): Promise<boolean> {
  const db = getDb();
  const key = keyOf(ip);
  // A window that has ended starts again. Conditional, so parallel requests reset it only once.
  await db.throttleCounter.updateMany({
    where: { key, lastFailureAt: { lte: new Date(now.getTime() - SETUP_ATTEMPTS.windowMs) } },
    data: { failures: 0, lastFailureAt: now },
  });
  // A single upsert statement (INSERT … ON CONFLICT … RETURNING), so each caller sees its own count.
  const row = await db.throttleCounter.upsert({
    where: { key },
    create: { key, failures: 1, lastFailureAt: now },
    update: { failures: { increment: 1 } },
  });
  return row.failures <= SETUP_ATTEMPTS.perIp;
}
