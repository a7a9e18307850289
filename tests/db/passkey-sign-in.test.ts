import { test } from "node:test";
import assert from "node:assert/strict";
import { SoftAuthenticator } from "../soft-authenticator";
import { setUpSamlDomain } from "./saml-fixtures";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// Passwordless sign-in with a passkey (issue 14): the passkey names the account and stands for
// both factors; the account must be active and may not be kept on its IdP; every answer counts
// against the client IP first; the session says how it was made.

const PASSWORD = "plenty long passphrase for tests";
const T0 = new Date(Date.UTC(2026, 11, 5, 9, 0, 0));
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const lib = async () => ({
  ...(await import("@/lib/auth/begin-passkey-sign-in")),
  ...(await import("@/lib/auth/complete-sign-in")),
  ...(await import("@/lib/passkeys/start-passkey-registration")),
  ...(await import("@/lib/passkeys/finish-passkey-registration")),
  ...(await import("@/lib/users/create-user")),
  db: (await import("@/lib/db/client")).getDb(),
});

async function userWithPasskey(email: string, opts: { createDomain?: boolean; role?: "admin" | "user" } = {}) {
  const { createUser, startPasskeyRegistration, finishPasskeyRegistration } = await lib();
  const { relyingParty } = await import("@/lib/passkeys/passkey-rules");
  const user = await createUser({ email, password: PASSWORD, createDomain: opts.createDomain ?? true, role: opts.role }, ACTOR);
  const rp = relyingParty();
  const authenticator = new SoftAuthenticator(rp.origin, rp.id);
  const options = await startPasskeyRegistration(user.id, T0);
  await finishPasskeyRegistration(user.id, { name: "Phone", response: authenticator.register(options) }, ACTOR, T0);
  return { user, authenticator };
}

async function answer(authenticator: SoftAuthenticator, when: Date) {
  const { startPasskeySignIn } = await lib();
  return authenticator.authenticate(await startPasskeySignIn(when));
}

const audits = async (action: string, email: string) =>
  (await lib()).db.auditEvent.findMany({
    where: { action, subjectEmail: email },
    orderBy: { createdAt: "asc" },
    select: { result: true, details: true },
  });

test("a passkey alone signs in: a ready ticket, then a session whose way in is the passkey", async () => {
  const { finishPasskeySignIn, completeSignIn, db } = await lib();
  const { user, authenticator } = await userWithPasskey("solo@pwless.test");
  // Required 2FA does not add a step: user verification made the passkey both factors.
  await db.user.update({ where: { id: user.id }, data: { require2fa: true } });
  const signIn = await finishPasskeySignIn({ response: await answer(authenticator, at(1)) }, ACTOR, at(1));
  assert.equal(signIn.stage, "ready");
  const session = await completeSignIn(signIn.ticket, ACTOR, at(1));
  assert.equal(session?.email, "solo@pwless.test");
  const row = await db.session.findFirstOrThrow({ where: { userId: user.id } });
  assert.equal(row.authMethod, "passkey");
  assert.deepEqual(
    (await audits("login.passkey", "solo@pwless.test")).map((a) => [a.result, JSON.parse(a.details).name]),
    [["success", "Phone"]],
  );
  const { signInOutcome } = await import("@/lib/activity/sign-in-outcome");
  assert.deepEqual(signInOutcome({ action: "session.create", result: "success", details: { method: "passkey" } }), {
    method: "passkey",
    result: "success",
  });
});

test("the same answer twice signs in once; a disabled account's passkey is refused like an unknown one", async () => {
  const { finishPasskeySignIn, db } = await lib();
  const { user, authenticator } = await userWithPasskey("twice@pwless.test");
  const response = await answer(authenticator, at(1));
  await finishPasskeySignIn({ response }, ACTOR, at(1));
  await assert.rejects(finishPasskeySignIn({ response }, ACTOR, at(1)), { code: "invalid_credentials" });

  assert.equal(await db.pendingLogin.count({ where: { userId: user.id } }), 1, "only the first answer opened a ticket");
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  await setUserStatus(user.id, "disable", ACTOR);
  await assert.rejects(finishPasskeySignIn({ response: await answer(authenticator, at(2)) }, ACTOR, at(2)), {
    code: "invalid_credentials",
  });
  assert.deepEqual(
    (await audits("login.passkey", "twice@pwless.test")).map((a) => `${a.result}:${JSON.parse(a.details).reason ?? ""}`),
    ["success:", "denied:account_disabled"],
  );
  assert.equal(await db.pendingLogin.count({ where: { userId: user.id } }), 0, "the refused answer opened none");
});

test("a SAML-only domain keeps its people on the IdP, but not its administrators", async () => {
  const { finishPasskeySignIn } = await lib();
  await setUpSamlDomain("pkonly.test", { keys: { "gatehouse.saml_only": "true" } });
  const person = await userWithPasskey("bob@pkonly.test", { createDomain: false });
  await assert.rejects(
    finishPasskeySignIn({ response: await answer(person.authenticator, at(1)) }, ACTOR, at(1)),
    (e: Error & { code?: string }) => e.code === "forbidden" && /LOGIN SAML/.test(e.message),
  );
  const admin = await userWithPasskey("root@pkonly.test", { createDomain: false, role: "admin" });
  assert.equal((await finishPasskeySignIn({ response: await answer(admin.authenticator, at(2)) }, ACTOR, at(2))).stage, "ready");
});

test("forged answers count against the client IP: past its allowance the next is refused unchecked", async () => {
  const { finishPasskeySignIn } = await lib();
  const { THROTTLE } = await import("@/lib/throttle/login-throttle");
  const { authenticator } = await userWithPasskey("flood@pwless.test");
  const client = { ...ACTOR, ip: "198.51.100.7" };
  const forged = async () => ({ ...(await answer(authenticator, at(1))), id: "AAAA", rawId: "AAAA" });
  for (let i = 0; i < THROTTLE.freeIpFailures; i++) {
    await assert.rejects(finishPasskeySignIn({ response: await forged() }, client, at(1)), { code: "invalid_credentials" });
  }
  // Now even a genuine answer waits: the IP is slowed down, whatever it sends.
  await assert.rejects(finishPasskeySignIn({ response: await answer(authenticator, at(1)) }, client, at(1)), { code: "rate_limited" });
  // Another client is not affected.
  const other = await finishPasskeySignIn({ response: await answer(authenticator, at(1)) }, { ...ACTOR, ip: "198.51.100.8" }, at(1));
  assert.equal(other.stage, "ready");
});

test("a passkey after the password: the session says password and passkey", async () => {
  const { db } = await lib();
  const { user, authenticator } = await userWithPasskey("both@pwless.test");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { startPasskeyStep, verifyPasskeyStep } = await import("@/lib/auth/verify-passkey-step");
  const { completeSignIn } = await lib();
  const first = await beginPasswordSignIn({ email: "both@pwless.test", password: PASSWORD }, ACTOR, at(1));
  assert.equal(first.stage, "otp");
  const options = await startPasskeyStep(first.ticket, at(1));
  await verifyPasskeyStep({ ticket: first.ticket, response: authenticator.authenticate(options), trustThisDevice: false }, ACTOR, at(1));
  await completeSignIn(first.ticket, ACTOR, at(1));
  assert.equal((await db.session.findFirstOrThrow({ where: { userId: user.id } })).authMethod, "password_passkey");
});

test("passwordless options write nothing; only our own unexpired, unaltered challenge is accepted", async () => {
  const { startPasskeySignIn, finishPasskeySignIn, db } = await lib();
  const { authenticator } = await userWithPasskey("minted@pwless.test");
  const stored = await db.webAuthnChallenge.count();
  // The autofill asks on every view of the login page: asking must not grow a table.
  for (let i = 0; i < 50; i++) await startPasskeySignIn(at(1));
  assert.equal(await db.webAuthnChallenge.count(), stored);

  const client = (n: number) => ({ ...ACTOR, ip: `198.51.100.${n}` });
  const options = await startPasskeySignIn(at(1));
  // Five minutes later the challenge has expired.
  await assert.rejects(finishPasskeySignIn({ response: authenticator.authenticate(options) }, client(1), at(6)), {
    code: "invalid_credentials",
  });
  // A challenge with one character changed, or one we never made, is refused.
  const flipped = options.challenge.slice(0, 5) + (options.challenge[5] === "A" ? "B" : "A") + options.challenge.slice(6);
  const made = Buffer.from(options.challenge, "base64url").length;
  for (const challenge of [flipped, Buffer.alloc(made, 7).toString("base64url")]) {
    await assert.rejects(finishPasskeySignIn({ response: authenticator.authenticate({ ...options, challenge }) }, client(2), at(1)), {
      code: "invalid_credentials",
    });
  }
  // Refused before the passkey is looked up, so the audit rows name the client, not an account.
  const refused = await db.auditEvent.findMany({ where: { action: "passkey.use", ip: { in: ["198.51.100.1", "198.51.100.2"] } } });
  assert.deepEqual(
    refused.map((a) => `${a.result}:${JSON.parse(a.details).reason}`),
    ["failure:challenge", "failure:challenge", "failure:challenge"],
  );
  // The genuine answer in time signs in, once.
  const response = authenticator.authenticate(options);
  assert.equal((await finishPasskeySignIn({ response }, client(3), at(4))).stage, "ready");
  await assert.rejects(finishPasskeySignIn({ response }, client(3), at(4)), { code: "invalid_credentials" });
});
