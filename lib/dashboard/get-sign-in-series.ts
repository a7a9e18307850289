import { getDb } from "@/lib/db/client";
import { hourOf } from "@/lib/activity/sign-in-tally";
import { SIGN_IN_METHODS, type SignInMethod } from "@/lib/activity/sign-in-outcome";

export const SIGN_IN_RANGES = { "24h": { buckets: 24, hours: 1 }, "7d": { buckets: 28, hours: 6 } } as const;
export type SignInRange = keyof typeof SIGN_IN_RANGES;

export type SignInBucket = {
  start: Date;
  success: number;
  failure: number;
  /** Every sign-in (successful or not) of the bucket by way in. */
  byMethod: Record<SignInMethod, number>;
};
export type SignInSeries = {
  range: SignInRange;
  buckets: SignInBucket[];
  methods: SignInMethod[];
  total: { success: number; failure: number };
};

const HOUR_MS = 3_600_000;

export function parseSignInRange(value: unknown): SignInRange {
  return value === "7d" ? "7d" : "24h";
}

/**
 * Sign-ins over the last 24 hours (hourly) or 7 days (6-hourly), by result and by way in, from
 * the hourly tally: one grouped query over at most 7 × 24 × methods × 2 rows, whatever the size
 * of the audit trail. The current hour is the last bucket.
 */
export async function getSignInSeries(range: SignInRange, now = new Date()): Promise<SignInSeries> {
  const { buckets: count, hours } = SIGN_IN_RANGES[range];
  const bucketMs = hours * HOUR_MS;
  // Buckets end with the current hour's end, and 6-hour buckets line up on UTC 00/06/12/18.
  const end = Math.floor(hourOf(now).getTime() / bucketMs) * bucketMs + bucketMs;
  const first = end - count * bucketMs;
  const rows = await getDb().signInTally.groupBy({
    by: ["hour", "method", "result"],
    where: { hour: { gte: new Date(first), lt: new Date(end) } },
    _sum: { count: true },
  });
  const buckets: SignInBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(first + i * bucketMs),
    success: 0,
    failure: 0,
    byMethod: Object.fromEntries(SIGN_IN_METHODS.map((m) => [m, 0])) as Record<SignInMethod, number>,
  }));
  const seen = new Set<SignInMethod>();
  const total = { success: 0, failure: 0 };
  for (const row of rows) {
    const bucket = buckets[Math.floor((row.hour.getTime() - first) / bucketMs)];
    const n = row._sum.count ?? 0;
    if (!bucket || n === 0) continue;
    const method = (SIGN_IN_METHODS as readonly string[]).includes(row.method) ? (row.method as SignInMethod) : "other";
    if (row.result === "success" || row.result === "failure") {
      bucket[row.result] += n;
      total[row.result] += n;
    }
    bucket.byMethod[method] += n;
    seen.add(method);
  }
  return { range, buckets, methods: SIGN_IN_METHODS.filter((m) => seen.has(m)), total };
}
