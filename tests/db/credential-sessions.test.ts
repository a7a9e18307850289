import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// What a web session opened with a WebUI credential may do, and how long it lives.
const PASSWORD = "a harbour full of small boats";

async function credentialSession() {
  const { createUser } = await import("@/lib/users/create-user");
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  // Called by several tests on one database: create the user once, and let a failure to create it fail.
  const existing = await getDb().user.findUnique({ where: { email: "web@cs.test" }, select: { id: true } });
  const owner =
    existing?.id ?? (await createUser({ email: "web@cs.test", password: PASSWORD, role: "admin", createDomain: true }, ACTOR)).id;
  const created = await createCredential({ account: owner, kind: "app", label: "Webmail kiosk", services: ["WebUI"] }, ACTOR);
  const { ticket, stage } = await beginPasswordSignIn({ email: "web@cs.test", password: created.secret }, ACTOR);
  assert.equal(stage, "ready", "a WebUI credential is not asked for a second factor");
  const done = await completeSignIn(ticket, ACTOR);
  assert.ok(done);
  return { owner, credentialId: created.credential.id, rawSession: done!.sessionId, findActiveSession };
}

test("a credential session is never admin and may not change the account", async () => {
  const { rawSession, findActiveSession } = await credentialSession();
  const session = await findActiveSession(rawSession);
  assert.equal(session?.authMethod, "credential");
  assert.equal(session?.role, "user", "an admin's credential session gets no admin rights");

  const { runGuarded } = await import("@/lib/actions/run-guarded");
  const { z } = await import("zod");
  let ran = false;
  const result = await runGuarded(
    { name: "t", access: "user", input: z.object({}) },
    {},
    { user: session, request: { ip: "", userAgent: "" } },
    async () => {
      ran = true;
    },
  );
  assert.equal(ran, false);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.error.code, "forbidden");
});

test("deleting or disabling the credential ends the sessions it opened; a new label does not", async () => {
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  const { deleteCredential } = await import("@/lib/credentials/delete-credential");
  const first = await credentialSession();
  await updateCredential({ userId: first.owner, id: first.credentialId }, { label: "Renamed" }, ACTOR);
  assert.ok(await first.findActiveSession(first.rawSession), "renaming keeps the session");
  await updateCredential({ userId: first.owner, id: first.credentialId }, { enabled: false }, ACTOR);
  assert.equal(await first.findActiveSession(first.rawSession), null, "disabling ends it");

  const second = await credentialSession();
  await deleteCredential({ userId: second.owner, id: second.credentialId }, ACTOR);
  assert.equal(await second.findActiveSession(second.rawSession), null, "deleting ends it");
});

test("guessing the current password on the change form is throttled and counts towards the lock", async () => {
  const { changeOwnPassword } = await import("@/lib/users/change-own-password");
  const { findUser } = await import("@/lib/users/find-user");
  const user = await findUser("web@cs.test");
  const t0 = new Date("2026-11-29T12:00:00Z");
  for (let i = 0; i < 5; i++) {
    await assert.rejects(
      changeOwnPassword(user.id, { currentPassword: "guess guess guess", newPassword: "whatever long enough" }, ACTOR, t0),
      {
        code: "invalid_input",
      },
    );
  }
  await assert.rejects(changeOwnPassword(user.id, { currentPassword: PASSWORD, newPassword: "whatever long enough" }, ACTOR, t0), {
    code: "rate_limited",
    message: "Too many attempts. Wait 1 seconds and try again.",
  });
  assert.equal((await findUser("web@cs.test")).failedLoginCount, 5);
});

test("unlock only applies to a locked account, and clears the address's delay", async () => {
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  const { reserveAttempt } = await import("@/lib/throttle/reserve-attempt");
  await assert.rejects(setUserStatus("web@cs.test", "unlock", ACTOR), { code: "conflict" });
  const { getDb } = await import("@/lib/db/client");
  await getDb().user.update({ where: { email: "web@cs.test" }, data: { status: "locked" } });
  const t0 = new Date("2026-11-29T12:00:00Z");
  const other = { email: "web@cs.test", ip: "127.0.0.2" };
  assert.deepEqual(await reserveAttempt(other, t0), { reserved: false, retryAfterSeconds: 1 }, "still slowed from the guesses above");
  await setUserStatus("web@cs.test", "unlock", ACTOR);
  assert.equal((await reserveAttempt(other, t0)).reserved, true);
});
