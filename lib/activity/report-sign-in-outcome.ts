import type { SignInOutcome } from "./sign-in-outcome";
import { tallySignIn } from "./sign-in-tally";

type Listener = (outcome: SignInOutcome, at: Date) => void;

// On globalThis: Next.js can load a module twice (server actions, route handlers), and every copy
// must reach the same listeners.
const registry = globalThis as typeof globalThis & { __gatehouseSignInListeners?: Set<Listener> };
const listeners = (registry.__gatehouseSignInListeners ??= new Set<Listener>());

/** Calls `listener` with every sign-in outcome this process sees (the metrics); returns the way to stop. */
export function onSignInOutcome(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * One sign-in's outcome, from the audit trail's writer or the gate: counted for the dashboard's
 * charts and handed to every listener. A failing listener never fails the sign-in.
 */
export function reportSignInOutcome(outcome: SignInOutcome, at: Date = new Date()): void {
  tallySignIn(outcome, at);
  for (const listener of listeners) {
    try {
      listener(outcome, at);
    } catch {
      // Counting is best effort: the audit row is the record.
    }
  }
}
