import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

async function signedIn(name: string) {
  const { createUser } = await import("@/lib/users/create-user");
  const { createSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser({ email: `${name}@signout.test`, password: "plenty long passphrase for tests", createDomain: true }, ACTOR);
  const open = () => getDb().$transaction((tx) => createSession(tx, { userId: user.id, authMethod: "password" }));
  return { user, here: await open(), elsewhere: await open() };
}

test("signing out ends this browser's session only, and the audit trail records it", async () => {
  const { signOutSession } = await import("@/lib/sessions/sign-out-session");
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  const { user, here, elsewhere } = await signedIn("ann");
  await signOutSession(here, user, { ...ACTOR, id: user.id, email: user.email });
  assert.equal(await findActiveSession(here), null, "the signed-out cookie no longer opens a session");
  assert.ok(await findActiveSession(elsewhere), "the other browser stays signed in");
  const events = await getDb().auditEvent.findMany({ where: { action: "session.logout", subjectId: user.id } });
  assert.equal(events.length, 1);
});

test("a session that had already ended signs out without an audit event", async () => {
  const { signOutSession } = await import("@/lib/sessions/sign-out-session");
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  const { here } = await signedIn("bob");
  const logouts = () => getDb().auditEvent.count({ where: { action: "session.logout" } });
  const before = await logouts();
  await signOutSession(here, null, ACTOR);
  assert.equal(await findActiveSession(here), null);
  assert.equal(await logouts(), before);
});
