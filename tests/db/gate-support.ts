// Shared by the gate's database tests: a gate on an ephemeral loopback port over the test database,
// and the lib functions that set up accounts and credentials.
import type { AddressInfo } from "node:net";

export const GATE_KEY = "gate-test-key-" + "k".repeat(20);
export const PASSWORD = "plenty long passphrase";
export const BACKENDS_ENV = {
  GATE_IMAP_BACKEND: "127.0.0.1:1143",
  GATE_POP3_BACKEND: "127.0.0.1:1110",
  GATE_SMTP_BACKEND: "127.0.0.1:1587",
};

/** The decisions' clock: each test moves it on past the throttle's one-hour window, so tests do not meet each other's counters. */
export const clock = {
  t: new Date("2026-12-01T08:00:00Z").getTime(),
  now: () => new Date(clock.t),
  nextHour: () => (clock.t += 2 * 60 * 60 * 1000),
};

export async function startTestGate(opts: { decisionTimeoutMs?: number; cache?: { maxEntries?: number; ttlMs?: number } } = {}) {
  const { createGate } = await import("@/gate/gate-server");
  const { parseGateBackends } = await import("@/lib/gate/gate-backends");
  const gate = createGate({ gateSecret: GATE_KEY, backends: parseGateBackends(BACKENDS_ENV), now: clock.now, ...opts });
  await new Promise<void>((resolve) => gate.server.listen(0, "127.0.0.1", resolve));
  return { ...gate, port: (gate.server.address() as AddressInfo).port };
}

export async function gateLib() {
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  const { deleteCredential } = await import("@/lib/credentials/delete-credential");
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  const { setUserPassword } = await import("@/lib/users/set-user-password");
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  return { db: getDb(), createUser, createCredential, updateCredential, deleteCredential, setPolicy, setUserPassword, setUserStatus };
}
