// What a process does on its way out, shared by everything running in it: the "draining" flag
// (health answers 503 while it is set) and the shutdown hooks that flush coalesced writes and close
// what is open. Kept on globalThis: Next.js loads a module once per layer, and the web server
// (scripts/web-server.ts), the route handlers and lib code must all see one flag and one list.
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";

/** "flush" hooks run first (pending writes), "close" hooks after them (the database client). */
export type ShutdownPhase = "flush" | "close";
type Hook = { fn: () => unknown; phase: ShutdownPhase };
type State = { hooks: Set<Hook>; draining: boolean; ran?: Promise<void> };

const holder = globalThis as unknown as { gatehouseShutdown?: State };
const state = (holder.gatehouseShutdown ??= { hooks: new Set(), draining: false });

/** Longest one hook may take; a stuck one is logged and left behind so the process still exits. */
export const HOOK_TIMEOUT_MS = 5_000;

/**
 * Registers work for shutdown, e.g. `onShutdown(() => tally.flush())`. Returns a function that
 * removes it again. Hooks of one phase run together; a failing hook is logged, the others still run.
 */
export function onShutdown(fn: () => unknown, phase: ShutdownPhase = "flush"): () => void {
  const hook = { fn, phase };
  state.hooks.add(hook);
  return () => state.hooks.delete(hook);
}

/** True once a shutdown has begun: health endpoints answer 503 and servers stop taking work. */
export function isDraining(): boolean {
  return state.draining;
}

export function beginDraining(): void {
  state.draining = true;
}

/** Runs every hook once (flush, then close); later calls wait for the same run. */
export function runShutdownHooks(timeoutMs = HOOK_TIMEOUT_MS): Promise<void> {
  state.ran ??= (async () => {
    for (const phase of ["flush", "close"] as const) {
      const hooks = [...state.hooks].filter((h) => h.phase === phase);
      await Promise.all(hooks.map((h) => runBounded(h.fn, timeoutMs)));
    }
  })();
  return state.ran;
}

async function runBounded(fn: () => unknown, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log.warn("shutdown.hook_timed_out", { timeoutMs });
      resolve();
    }, timeoutMs);
  });
  const work = (async () => {
    try {
      await fn();
    } catch (e) {
      log.error("shutdown.hook_failed", errorFacts(e));
    }
  })();
  await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Tests only: forget hooks and the flag, as in a fresh process. */
export function resetShutdownForTests(): void {
  state.hooks.clear();
  state.draining = false;
  state.ran = undefined;
}
