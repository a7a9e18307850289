import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";
import { DRAIN_TIMEOUT_MS } from "@/lib/process/drain-server";
import { beginDraining, HOOK_TIMEOUT_MS, isDraining, runShutdownHooks } from "@/lib/process/shutdown-hooks";

export type ShutdownPlan = {
  /** Names the process in the log lines ("web", "gate", "start"). */
  name: string;
  /** How long to keep serving (health already 503) before the servers stop accepting. */
  delayMs: number;
  /** Called at once with the signal, e.g. to pass it on to a child process. */
  onSignal?: (signal: NodeJS.Signals) => void;
  /** Stops accepting and waits for the work in flight (bounded by the caller, drainServer). */
  drain: () => Promise<unknown>;
  /** Tests: instead of process.exit. */
  exit?: (code: number) => void;
};

/**
 * On SIGTERM or SIGINT (once; a second signal, e.g. Ctrl-C reaching both the parent and its child,
 * changes nothing): health answers 503, after `delayMs` the servers stop accepting and finish what
 * is in flight, the shutdown hooks flush coalesced writes and close the database, and the process
 * exits 0. Should any step hang, the process still exits (1) after a bounded time.
 */
export function exitGracefullyOnSignals(plan: ShutdownPlan): void {
  const exit = plan.exit ?? ((code: number) => process.exit(code));
  const run = async (signal: NodeJS.Signals) => {
    if (isDraining()) return;
    beginDraining();
    log.info("shutdown.begin", { process: plan.name, signal, delayMs: plan.delayMs });
    plan.onSignal?.(signal);
    const cap = plan.delayMs + DRAIN_TIMEOUT_MS + 2 * HOOK_TIMEOUT_MS + 2_000;
    setTimeout(() => {
      log.error("shutdown.timed_out", { process: plan.name, afterMs: cap });
      exit(1);
    }, cap).unref();
    try {
      if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
      await plan.drain();
      await runShutdownHooks();
      log.info("shutdown.done", { process: plan.name });
      exit(0);
    } catch (e) {
      log.error("shutdown.failed", { process: plan.name, ...errorFacts(e) });
      exit(1);
    }
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void run(signal));
}
