// What the gate's decision cache must forget at once: a credential disabled or deleted, a password
// changed, an account disabled, locked or deleted, a 2FA policy changed. The lib/ functions that
// make those changes call noteAccessChanged; the cache (lib/gate/gate-decision-cache.ts) listens.
// Only this process hears it (and the gate of `npm start`, which relays the web child's notes):
// another instance forgets within the cache's TTL (≤ 60 s), as README "Protocol gate" says.

type Listener = (userId: string | null) => void;

// On globalThis, so a module loaded twice (Next.js layers) still shares one set of listeners.
const holder = globalThis as unknown as { gatehouseAccessListeners?: Set<Listener> };
const listeners = (holder.gatehouseAccessListeners ??= new Set());

/** The message a web child sends its parent (scripts/start.ts) so the in-process gate forgets too. */
export const ACCESS_CHANGED_MESSAGE = "gatehouse.access-changed";
/** Set by scripts/start.ts on the web child, so only a channel it opened carries the notes. */
export const ACCESS_RELAY_ENV = "GATEHOUSE_ACCESS_RELAY";

/** `userId` null: anything may have changed (a policy), forget every decision. */
export function noteAccessChanged(userId: string | null): void {
  for (const listener of listeners) listener(userId);
  if (process.env[ACCESS_RELAY_ENV] === "1" && typeof process.send === "function" && process.connected) {
    try {
      process.send({ type: ACCESS_CHANGED_MESSAGE, userId });
    } catch {
      // the parent went away: nobody left to tell
    }
  }
}

/** Relays a note from a child process; ignores anything else. */
export function relayAccessChange(message: unknown): void {
  const m = message as { type?: unknown; userId?: unknown } | null;
  if (!m || m.type !== ACCESS_CHANGED_MESSAGE) return;
  const userId = typeof m.userId === "string" ? m.userId.slice(0, 64) : null;
  for (const listener of listeners) listener(userId);
}

export function onAccessChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
