import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

test("creating a user stores an argon2id hash at the ASVS floor and never returns it", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser(
    { email: "ann@example.com", displayName: "Ann", password: "plenty long passphrase", createDomain: true },
    ACTOR,
  );
  assert.equal("passwordHash" in user, false);
  const row = await getDb().user.findUnique({ where: { id: user.id }, omit: { passwordHash: false } });
  assert.match(row!.passwordHash!, /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
  const [, m, t] = row!.passwordHash!.match(/m=(\d+),t=(\d+)/)!;
  assert.ok(Number(m) >= 19456 && Number(t) >= 2);
  const plain = await getDb().user.findUnique({ where: { id: user.id } });
  assert.equal((plain as Record<string, unknown>).passwordHash, undefined, "secret columns are omitted by default");
});

test("each change writes its audit row; a refused change writes nothing", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { getDb } = await import("@/lib/db/client");
  const before = await getDb().auditEvent.count();
  await assert.rejects(createUser({ email: "bob@nowhere.test", password: "plenty long passphrase" }, ACTOR), /does not exist/);
  await assert.rejects(createUser({ email: "ann@example.com", password: "plenty long passphrase" }, ACTOR), /already exists/);
  await assert.rejects(createUser({ email: "cy@example.com", password: "1qaz2wsx3edc4rfv" }, ACTOR), /too common/);
  await assert.rejects(createUser({ email: "cy@example.com", password: "short but fine" }, ACTOR), /at least 15/);
  assert.equal(await getDb().auditEvent.count(), before);
  assert.equal(await getDb().user.count({ where: { email: { in: ["bob@nowhere.test", "cy@example.com"] } } }), 0);
  await createUser({ email: "cy@example.com", password: "plenty long passphrase" }, ACTOR);
  const audit = await getDb().auditEvent.findFirst({ where: { action: "user.create", subjectEmail: "cy@example.com" } });
  assert.equal(audit?.result, "success");
  assert.equal(audit?.actorEmail, ACTOR.email);
});

test("unknown address, wrong password and disabled account are all refused alike", async () => {
  const { verifyAccountPassword } = await import("@/lib/auth/verify-account-password");
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  const ctx = { ...ACTOR, service: "WebUI" };
  assert.ok(await verifyAccountPassword("ANN@example.com", "plenty long passphrase", ctx), "email is case-insensitive");
  assert.equal(await verifyAccountPassword("ann@example.com", "plenty long passphrasE", ctx), null, "password is not case-folded");
  assert.equal(await verifyAccountPassword("nobody@example.com", "plenty long passphrase", ctx), null);
  await setUserStatus("ann@example.com", "disable", ACTOR);
  assert.equal(await verifyAccountPassword("ann@example.com", "plenty long passphrase", ctx), null);
  await setUserStatus("ann@example.com", "enable", ACTOR);
  assert.ok(await verifyAccountPassword("ann@example.com", "plenty long passphrase", ctx));
});

test("sessions: deleting the row signs out at once; disable and password change revoke them", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { createSession, findActiveSession, SESSION_IDLE_MS } = await import("@/lib/sessions/session-store");
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  const { changeOwnPassword } = await import("@/lib/users/change-own-password");
  const { findUser } = await import("@/lib/users/find-user");
  const ann = await findUser("ann@example.com");
  const db = getDb();
  const open = () => db.$transaction((tx) => createSession(tx, { userId: ann.id, authMethod: "password" }));

  const a = await open();
  assert.equal((await findActiveSession(a))?.email, "ann@example.com");
  const idleLater = new Date(Date.now() + SESSION_IDLE_MS + 1000);
  assert.equal(await findActiveSession(a, idleLater), null, "idle timeout");

  const b = await open();
  await setUserStatus(ann.id, "disable", ACTOR);
  assert.equal(await findActiveSession(b), null);
  await setUserStatus(ann.id, "enable", ACTOR);

  const keep = await open();
  const other = await open();
  const keepId = (await findActiveSession(keep))!.sessionId;
  await changeOwnPassword(
    ann.id,
    { currentPassword: "plenty long passphrase", newPassword: "another plenty long one" },
    { ...ACTOR, sessionId: keepId },
  );
  assert.ok(await findActiveSession(keep), "the session that changed the password stays");
  assert.equal(await findActiveSession(other), null, "other sessions end");
  await assert.rejects(
    changeOwnPassword(ann.id, { currentPassword: "wrong", newPassword: "yet another long one" }, ACTOR),
    /current password is not right/,
  );
});

test("the setup link works once, then never again", async () => {
  const { issueSetupLink, completeSetup, isSetupTokenUsable } = await import("@/lib/setup/first-admin-setup");
  const url = await issueSetupLink("http://localhost:3000");
  assert.ok(url);
  const token = url!.split("/setup/")[1];
  assert.equal(await isSetupTokenUsable(token), true);
  assert.equal(await isSetupTokenUsable(token, new Date(Date.now() + 61 * 60 * 1000)), false, "expires after an hour");
  const input = { email: "root@admin.test", displayName: "Root", password: "a very long admin passphrase" };
  const results = await Promise.allSettled([completeSetup(token, input, ACTOR), completeSetup(token, input, ACTOR)]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1, "two racing uses: one wins");
  assert.equal(await isSetupTokenUsable(token), false);
  assert.equal(await issueSetupLink("http://localhost:3000"), null, "no new link once an admin exists");
});
