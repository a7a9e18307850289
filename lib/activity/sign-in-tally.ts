import { getDb } from "@/lib/db/client";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";
import { onShutdown } from "@/lib/process/shutdown-hooks";
import type { SignInOutcome } from "./sign-in-outcome";

/** How long counts wait in memory before they are added to the table: one write per key per flush. */
export const TALLY_FLUSH_MS = 5_000;
const HOUR_MS = 3_600_000;

type Pending = { counts: Map<string, number>; timer: NodeJS.Timeout | null; flushing: Promise<void> | null; hooked?: boolean };
// On globalThis: Next.js may load this module more than once in a process, and all copies must
// add to one set of counts (or a flush would miss some).
const holder = globalThis as typeof globalThis & { __gatehouseSignInTally?: Pending };
const pending: Pending = (holder.__gatehouseSignInTally ??= { counts: new Map(), timer: null, flushing: null });

/** The start of `at`'s hour, UTC: the tally's bucket. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

// The gate tallies every login it answers: the hour's text is made once per hour, not per login.
let lastHour = { start: NaN, text: "" };
function hourText(at: Date): string {
  const start = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
  if (start !== lastHour.start) lastHour = { start, text: new Date(start).toISOString() };
  return lastHour.text;
}

/**
 * Counts one sign-in in memory and makes sure a flush is coming. Counting costs no query, so a
 * gate answering thousands of logins a second adds a handful of writes every few seconds.
 */
export function tallySignIn(outcome: SignInOutcome, at: Date): void {
  const key = `${hourText(at)}|${outcome.method}|${outcome.result}`;
  pending.counts.set(key, (pending.counts.get(key) ?? 0) + 1);
  if (!pending.hooked) {
    pending.hooked = true;
    onShutdown(() => flushSignInTally()); // before the database client closes
  }
  if (!pending.timer) {
    pending.timer = setTimeout(() => void flushSignInTally(), TALLY_FLUSH_MS);
    pending.timer.unref(); // never keeps a process alive; the shutdown hook flushes what is left
  }
}

/**
 * Adds the counts held in memory to the table, one increment per (hour, method, result), and
 * empties them. Safe beside other instances: the increment is done by the database. A failed
 * write is logged and its counts are dropped (a chart may be short; a sign-in never fails).
 */
export async function flushSignInTally(): Promise<void> {
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  await pending.flushing; // one flush at a time, so two cannot write the same counts
  if (pending.counts.size === 0) return;
  const batch = [...pending.counts];
  pending.counts.clear();
  pending.flushing = writeCounts(batch).finally(() => (pending.flushing = null));
  await pending.flushing;
}

async function writeCounts(batch: [string, number][]): Promise<void> {
  const db = getDb();
  for (const [key, count] of batch) {
    const [hourIso, method, result] = key.split("|");
    const id = { hour: new Date(hourIso), method, result };
    try {
      await addCount(db, id, count);
    } catch (e) {
      log.warn("sign_in_tally.write_failed", { ...errorFacts(e), method, result, count });
    }
  }
}

type TallyId = { hour: Date; method: string; result: string };
async function addCount(db: ReturnType<typeof getDb>, id: TallyId, count: number) {
  const upsert = () =>
    db.signInTally.upsert({
      where: { hour_method_result: id },
      create: { ...id, count },
      update: { count: { increment: count } },
    });
  try {
    await upsert();
  } catch (e) {
    // Two instances creating the same row at once: one wins, the other's retry finds it.
    if ((e as { code?: unknown }).code !== "P2002") throw e;
    await upsert();
  }
}
