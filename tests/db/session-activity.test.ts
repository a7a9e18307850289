import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// A live session list polls on a timer. Those reads must not keep an unattended tab signed in.
test("a polled read checks the session but does not hold off the idle timeout; a real request does", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { createSession, findActiveSession, SESSION_IDLE_MS } = await import("@/lib/sessions/session-store");
  const user = await createUser({ email: "poll@example.com", password: "plenty long passphrase", createDomain: true }, ACTOR);
  const db = getDb();
  const open = () => db.$transaction((tx) => createSession(tx, { userId: user.id, authMethod: "password" }));
  const start = Date.now();
  const at = (minutes: number) => new Date(start + minutes * 60_000);

  const polled = await open();
  // Polls every 20 minutes: each is answered, none moves the idle clock.
  assert.ok(await findActiveSession(polled, at(20), { activity: false }));
  assert.ok(await findActiveSession(polled, at(29), { activity: false }));
  assert.equal(await findActiveSession(polled, new Date(start + SESSION_IDLE_MS + 60_000), { activity: false }), null);

  const used = await open();
  assert.ok(await findActiveSession(used, at(20)), "a request the person made counts as activity");
  assert.ok(await findActiveSession(used, at(45)), "so the session is still alive 25 minutes later");
});
