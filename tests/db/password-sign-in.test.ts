import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// The password step as the login form's route runs it (lib/auth/sign-in-with-password.ts): with
// nothing more to ask, the session is opened in the same request; otherwise a ticket waits.
const PASSWORD = "a lighthouse keeper's log";
const T0 = new Date("2026-12-06T09:00:00Z");

test("with nothing more to ask, the password step opens the session itself, once, and audits it", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser({ email: "nina@pw.test", password: PASSWORD, createDomain: true }, ACTOR);

  const result = await signInWithPassword({ email: "Nina@PW.test ", password: PASSWORD }, ACTOR, T0);
  assert.equal(result.stage, "signed_in");
  if (result.stage !== "signed_in") return;
  assert.deepEqual({ ...result.session, sessionId: "" }, { userId: user.id, email: "nina@pw.test", role: "user", sessionId: "" });
  const active = await findActiveSession(result.session.sessionId, T0, { ip: ACTOR.ip, activity: false });
  assert.equal(active?.email, "nina@pw.test", "the session works");
  assert.equal(active?.authMethod, "password");
  assert.equal(await getDb().pendingLogin.count(), 0, "no ticket is left behind");
  const actions = (await getDb().auditEvent.findMany({ where: { subjectId: user.id }, select: { action: true } })).map((a) => a.action);
  assert.ok(actions.includes("login.password") && actions.includes("session.create"), actions.join(", "));
  const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(stored.lastLoginAt?.getTime(), T0.getTime());

  // Four submissions at once with the right password: four sessions, no shared ticket, none lost.
  const parallel = await Promise.all([1, 2, 3, 4].map(() => signInWithPassword({ email: "nina@pw.test", password: PASSWORD }, ACTOR, T0)));
  const ids = parallel.map((r) => (r.stage === "signed_in" ? r.session.sessionId : ""));
  assert.equal(new Set(ids.filter(Boolean)).size, 4);
});

test("a wrong password opens nothing; a second factor leaves a ticket and no session", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");
  const { getDb } = await import("@/lib/db/client");
  await createUser({ email: "otto@pw.test", password: PASSWORD }, ACTOR);
  await provisionTotpDevice("otto@pw.test", { options: {} }, ACTOR, T0);
  const sessionsBefore = await getDb().session.count();

  await assert.rejects(signInWithPassword({ email: "otto@pw.test", password: "not the password at all" }, ACTOR, T0), {
    code: "invalid_credentials",
  });
  const step = await signInWithPassword({ email: "otto@pw.test", password: PASSWORD }, ACTOR, T0);
  assert.equal(step.stage, "otp");
  assert.ok(step.stage === "otp" && step.ticket.length > 20, "the ticket the cookie will carry");
  assert.equal(await getDb().session.count(), sessionsBefore, "no session before the code");
});

test("a WebUI app password signs in in the same one step, as a credential session", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { generatedCredential, insertCredential } = await import("@/lib/credentials/create-credential");
  const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser({ email: "cara@pw.test", password: PASSWORD }, ACTOR);
  const prepared = generatedCredential({ kind: "app", label: "Kiosk", services: ["WebUI"], expiresAt: null, allowedIpRanges: "" });
  await getDb().$transaction((tx) => insertCredential(tx, { id: user.id, email: user.email }, prepared, ACTOR, T0));

  const result = await signInWithPassword({ email: "cara@pw.test", password: prepared.secret }, ACTOR, T0);
  assert.equal(result.stage, "signed_in");
  if (result.stage !== "signed_in") return;
  const active = await findActiveSession(result.session.sessionId, T0, { ip: ACTOR.ip, activity: false });
  assert.equal(active?.authMethod, "credential", "a credential session: it may not change the account");
});
