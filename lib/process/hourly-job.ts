import { log } from "@/lib/log/logger";
import { describeError } from "@/lib/log/error-facts";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Runs `tick` in the server process a minute after the start and then every hour; a failure is
 * logged and the next hour tries again. Timers are unref'd so they never hold the process open;
 * the returned function stops them (called at shutdown).
 */
export function startHourlyJob(name: string, tick: () => Promise<void>): () => void {
  const run = () => tick().catch((e: unknown) => log.error(`${name} job failed`, { error: describeError(e) }));
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, HOUR_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
