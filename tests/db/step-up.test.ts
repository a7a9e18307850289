import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// "Sudo mode": sensitive self-service actions need a password or code within the last 10 minutes;
// the re-authentication that gives one is throttled and counted like a sign-in.
const PASSWORD = "a quiet harbour at dawn";
const T0 = new Date("2031-05-01T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);
const request = { ip: "192.0.2.50", userAgent: "node-test" };

async function lib() {
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { createSession, findActiveSession } = await import("@/lib/sessions/session-store");
  const { hasFreshProof } = await import("@/lib/auth/fresh-proof");
  const { reauthenticate } = await import("@/lib/auth/reauthenticate");
  const { runGuarded } = await import("@/lib/actions/run-guarded");
  return { db: getDb(), createUser, createSession, findActiveSession, hasFreshProof, reauthenticate, runGuarded };
}

/** A user and a signed-in session opened at `at` (signing in is a proof). */
async function signedIn(email: string, at = T0, authMethod = "password") {
  const { db, createUser, createSession, findActiveSession } = await lib();
  const user = await createUser({ email, password: PASSWORD, createDomain: true }, ACTOR);
  // A credential session is opened by a real WebUI credential: without one it ends at the next request.
  let credentialId: string | undefined;
  if (authMethod === "credential") {
    const { createCredential } = await import("@/lib/credentials/create-credential");
    credentialId = (await createCredential({ account: user.id, kind: "app", label: "Kiosk", services: ["WebUI"] }, ACTOR, at)).credential
      .id;
  }
  const raw = await db.$transaction((tx) => createSession(tx, { userId: user.id, authMethod, credentialId, ip: request.ip }, at));
  const session = await findActiveSession(raw, at, { ip: request.ip });
  assert.ok(session);
  return { user, raw, session };
}

test("a proof is fresh for 10 minutes after sign-in; a credential session never has one", async () => {
  const { hasFreshProof, findActiveSession } = await lib();
  const { raw, session } = await signedIn("fresh@step.test");
  assert.equal(session.verifiedAt?.getTime(), T0.getTime());
  assert.equal(hasFreshProof(session, seconds(9 * 60 + 59)), true);
  assert.equal(hasFreshProof(session, minutes(10)), false, "10 minutes is the limit");
  const later = await findActiveSession(raw, minutes(11));
  assert.equal(later && hasFreshProof(later, minutes(11)), false);

  const kiosk = await signedIn("kiosk@step.test", T0, "credential");
  assert.equal(kiosk.session.verifiedAt, null);
  assert.equal(hasFreshProof(kiosk.session, T0), false);
});

test("a sensitive action without a fresh proof is refused with reauth_required and changes nothing", async () => {
  const { db, runGuarded } = await lib();
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { user, session } = await signedIn("guard@step.test");
  const opts = { name: "test.credential.create", access: "user" as const, input: z.object({ label: z.string() }), freshProof: true };
  const handler = async (input: { label: string }) =>
    (await createCredential({ account: user.id, kind: "mobile", label: input.label, services: ["EAS"] }, ACTOR)).credential.id;
  const counts = async () => ({ credentials: await db.credential.count(), audit: await db.auditEvent.count() });

  const before = await counts();
  const stale = await runGuarded(opts, { label: "Phone" }, { user: session, request, now: minutes(10) }, handler);
  assert.ok(!stale.ok);
  assert.equal(stale.error.code, "reauth_required");
  assert.deepEqual(await counts(), before, "no credential, no audit row");

  const fresh = await runGuarded(opts, { label: "Phone" }, { user: session, request, now: minutes(9) }, handler);
  assert.ok(fresh.ok, "within 10 minutes the same action runs");
  assert.equal(await db.credential.count({ where: { userId: user.id } }), 1);
});

test("re-entering the password gives a fresh proof, audited; a credential session cannot step up", async () => {
  const { db, reauthenticate, findActiveSession, hasFreshProof } = await lib();
  const { raw, session } = await signedIn("again@step.test");
  const at = minutes(25);
  const done = await reauthenticate(session, { password: PASSWORD }, { ...ACTOR, ...request, id: session.id }, at);
  assert.equal(done.verifiedAt.getTime(), at.getTime());
  const reread = await findActiveSession(raw, at);
  assert.ok(reread && hasFreshProof(reread, minutes(34)));
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "session.reauth", subjectId: session.id } });
  assert.equal(audit.result, "success");
  assert.deepEqual(JSON.parse(audit.details), { method: "password" });

  const kiosk = await signedIn("kiosk2@step.test", T0, "credential");
  await assert.rejects(reauthenticate(kiosk.session, { password: PASSWORD }, ACTOR, T0), { code: "forbidden" });
  const row = await db.session.findUniqueOrThrow({ where: { id: kiosk.session.sessionId } });
  assert.equal(row.verifiedAt, null);
});

test("a wrong password is throttled like sign-in: 5 free failures, then a delay, and the failures slow sign-in too", async () => {
  const { db, reauthenticate } = await lib();
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { session } = await signedIn("guess@step.test");
  const ctx = { ...ACTOR, ...request, id: session.id };
  for (let i = 0; i < 5; i++) {
    await assert.rejects(reauthenticate(session, { password: "not the password at all" }, ctx, T0), {
      code: "invalid_credentials",
      message: "That password is not right.",
    });
  }
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: session.id } })).failedLoginCount, 5);
  await assert.rejects(reauthenticate(session, { password: PASSWORD }, ctx, T0), { code: "rate_limited" }, "even the right one waits");
  await assert.rejects(beginPasswordSignIn({ email: "guess@step.test", password: PASSWORD }, ctx, T0), { code: "rate_limited" });
  const row = await db.session.findUniqueOrThrow({ where: { id: session.sessionId } });
  assert.equal(row.verifiedAt?.getTime(), T0.getTime(), "no proof was stamped");
  assert.equal(await db.auditEvent.count({ where: { action: "session.reauth", subjectId: session.id, result: "failure" } }), 5);
});

test("wrong passwords count towards the lock: the 100th locks the account and ends the session", async () => {
  const { db, reauthenticate, findActiveSession } = await lib();
  const { raw, session } = await signedIn("lock@step.test");
  await db.user.update({ where: { id: session.id }, data: { failedLoginCount: 99 } });
  await assert.rejects(reauthenticate(session, { password: "still not the password" }, { ...ACTOR, ...request }, minutes(1)), {
    code: "invalid_credentials",
  });
  const user = await db.user.findUniqueOrThrow({ where: { id: session.id } });
  assert.equal(user.status, "locked");
  assert.equal(user.failedLoginCount, 100);
  assert.equal(await findActiveSession(raw, minutes(1)), null, "a locked account has no session");
});

test("a TOTP or recovery code also gives a fresh proof, each once", async () => {
  const { db, reauthenticate } = await lib();
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  const { session } = await signedIn("codes@step.test");
  const device = await provisionTotpDevice(session.id, { options: {} }, ACTOR, T0);
  const ctx = { ...ACTOR, ...request, id: session.id };
  const at = minutes(15);
  const code = computeTotp(device.secret, { algorithm: "SHA1", digits: 6, period: 30 }, at.getTime());
  assert.equal((await reauthenticate(session, { code }, ctx, at)).verifiedAt.getTime(), at.getTime());
  await assert.rejects(reauthenticate(session, { code }, ctx, at), { code: "invalid_credentials", message: "That code is not right." });
  const later = minutes(40);
  await reauthenticate(session, { code: device.recoveryCodes[0] }, ctx, later);
  assert.equal((await db.session.findUniqueOrThrow({ where: { id: session.sessionId } })).verifiedAt?.getTime(), later.getTime());
  await assert.rejects(reauthenticate(session, { code: device.recoveryCodes[0] }, ctx, later), { code: "invalid_credentials" });
  const methods = await db.auditEvent.findMany({
    where: { action: "session.reauth", subjectId: session.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  assert.deepEqual(
    methods.map((a) => [a.result, JSON.parse(a.details).method]),
    [
      ["success", "totp"],
      ["failure", "code"],
      ["success", "recovery"],
      ["failure", "code"],
    ],
  );
});

test("one code sent many times at once gives exactly one proof", async () => {
  const { db, reauthenticate } = await lib();
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  const { session } = await signedIn("race@step.test");
  const device = await provisionTotpDevice(session.id, { options: {} }, ACTOR, T0);
  const at = minutes(20);
  const code = computeTotp(device.secret, { algorithm: "SHA1", digits: 6, period: 30 }, at.getTime());
  const ctx = { ...ACTOR, ip: "192.0.2.60", id: session.id };
  const results = await Promise.allSettled(Array.from({ length: 8 }, () => reauthenticate(session, { code }, ctx, at)));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db.auditEvent.count({ where: { action: "session.reauth", subjectId: session.id, result: "success" } }), 1);
});

test("an answer from one of the account's passkeys gives a fresh proof, once; another authenticator's counts as a failure", async () => {
  const { db, reauthenticate } = await lib();
  const { SoftAuthenticator } = await import("../soft-authenticator");
  const { relyingParty } = await import("@/lib/passkeys/passkey-rules");
  const { startPasskeyRegistration } = await import("@/lib/passkeys/start-passkey-registration");
  const { finishPasskeyRegistration } = await import("@/lib/passkeys/finish-passkey-registration");
  const { startPasskeyAuthentication } = await import("@/lib/passkeys/start-passkey-authentication");
  const { reauthMethods } = await import("@/lib/two-factor/devices/has-second-factor");
  const { session } = await signedIn("passkey@step.test");
  const rp = relyingParty();
  const phone = new SoftAuthenticator(rp.origin, rp.id);
  assert.deepEqual(await reauthMethods(session.id), { code: false, passkey: false });
  await finishPasskeyRegistration(
    session.id,
    { name: "Phone", response: phone.register(await startPasskeyRegistration(session.id, T0)) },
    ACTOR,
    T0,
  );
  assert.deepEqual(await reauthMethods(session.id), { code: false, passkey: true });

  const ctx = { ...ACTOR, ip: "192.0.2.70", id: session.id }; // an address no earlier test slowed down
  const at = minutes(30);
  const answer = phone.authenticate(await startPasskeyAuthentication(session.id, at));
  assert.equal((await reauthenticate(session, { passkey: answer }, ctx, at)).verifiedAt.getTime(), at.getTime());
  await assert.rejects(reauthenticate(session, { passkey: answer }, ctx, at), { code: "invalid_credentials" });
  const stranger = new SoftAuthenticator(rp.origin, rp.id);
  stranger.register(await startPasskeyRegistration(session.id, at)); // made, never sent: unknown to us
  await assert.rejects(
    reauthenticate(session, { passkey: stranger.authenticate(await startPasskeyAuthentication(session.id, at)) }, ctx, at),
    {
      code: "invalid_credentials",
    },
  );
  const rows = await db.auditEvent.findMany({
    where: { action: "session.reauth", subjectId: session.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  assert.deepEqual(
    rows.map((a) => [a.result, JSON.parse(a.details).method]),
    [
      ["success", "passkey"],
      ["failure", "passkey"],
      ["failure", "passkey"],
    ],
  );
  // Each refusal counted like a wrong password.
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: session.id } })).failedLoginCount, 2);
});
