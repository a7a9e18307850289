import { after, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, TEST_DB_KIND, useTestDatabase } from "./support";
import { GATE_KEY, PASSWORD, clock, gateLib, startTestGate } from "./gate-support";
import { askGate, authHttpHeaders, basic } from "../gate-client";

useTestDatabase();

// When the database does not answer, the gate never says OK: SMTP gets 451 4.3.0, IMAP and POP3 a
// temporary failure with a wait, auth_request a 503 (an error to nginx). Here another connection
// holds a lock the decision needs (real contention, no stub), and the decision's time runs out.
let gate: Awaited<ReturnType<typeof startTestGate>>;
let ready: Promise<void> | undefined;
const setUp = () =>
  (ready ??= (async () => {
    gate = await startTestGate({ decisionTimeoutMs: 1500 });
    const { createUser } = await gateLib();
    await createUser({ email: "henry@stalled.test", password: PASSWORD, createDomain: true }, ACTOR);
  })());
after(() => gate?.close());
beforeEach(async () => {
  await setUp();
  clock.nextHour();
});

/** Holds a lock on the throttle's table from another connection until release() is called. */
async function holdThrottleLock(): Promise<{ release: () => Promise<void> }> {
  const { getSettings } = await import("@/lib/config/settings");
  if (TEST_DB_KIND === "postgresql") {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: getSettings().databaseUrl });
    await client.connect();
    await client.query("BEGIN");
    await client.query('LOCK TABLE "ThrottleCounter" IN ACCESS EXCLUSIVE MODE');
    return {
      release: async () => {
        await client.query("ROLLBACK");
        await client.end();
      },
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(getSettings().sqlitePath);
  db.exec("BEGIN EXCLUSIVE");
  return {
    release: async () => {
      db.exec("ROLLBACK");
      db.close();
    },
  };
}

const login = (protocol: string) => authHttpHeaders(GATE_KEY, { user: "henry@stalled.test", pass: PASSWORD, protocol, ip: "192.0.2.200" });

test("a stalled database gives temporary failures, never OK, and the gate answers normally once it is back", async () => {
  const lock = await holdThrottleLock();
  try {
    const smtp = await askGate(gate.port, "/auth", login("smtp"));
    assert.equal(smtp.headers["auth-error-code"], "451 4.3.0 Temporary authentication failure");
    assert.notEqual(smtp.headers["auth-status"], "OK");
    const imap = await askGate(gate.port, "/auth", login("imap"));
    assert.match(imap.headers["auth-status"], /^Temporary/);
    assert.equal(imap.headers["auth-wait"], "3");
    const eas = await askGate(gate.port, "/http-auth?service=DAV", [
      ["X-Auth-Key", GATE_KEY],
      ["Authorization", basic("henry@stalled.test", PASSWORD)],
      ["Client-IP", "192.0.2.200"],
    ]);
    assert.equal(eas.status, 503);
    assert.equal(gate.metrics.get("SMTP", "unavailable"), 1);
  } finally {
    await lock.release();
  }
  assert.equal((await askGate(gate.port, "/auth", login("pop3"))).headers["auth-status"], "OK");
});
