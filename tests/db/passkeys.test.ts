import { test } from "node:test";
import assert from "node:assert/strict";
import { SoftAuthenticator } from "../soft-authenticator";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// Passkeys' core (issue 14): registration and assertions checked by @simplewebauthn/server against
// a software authenticator that signs for real; challenges single-use and short-lived in the
// database; counters that must grow; credential ids unique across accounts.

const PASSWORD = "plenty long passphrase for tests";
const T0 = new Date(Date.UTC(2026, 11, 5, 9, 0, 0));
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function setUp(email: string, step = 1) {
  const { createUser } = await import("@/lib/users/create-user");
  const { relyingParty } = await import("@/lib/passkeys/passkey-rules");
  const user = await createUser({ email, password: PASSWORD, createDomain: true }, ACTOR);
  const rp = relyingParty();
  return { user, rp, authenticator: new SoftAuthenticator(rp.origin, rp.id, step) };
}

async function register(userId: string, authenticator: SoftAuthenticator, name = "Laptop", when = T0) {
  const { startPasskeyRegistration } = await import("@/lib/passkeys/start-passkey-registration");
  const { finishPasskeyRegistration } = await import("@/lib/passkeys/finish-passkey-registration");
  const options = await startPasskeyRegistration(userId, when);
  return finishPasskeyRegistration(userId, { name, response: authenticator.register(options) }, ACTOR, when);
}

const lib = async () => ({
  ...(await import("@/lib/passkeys/start-passkey-registration")),
  ...(await import("@/lib/passkeys/finish-passkey-registration")),
  ...(await import("@/lib/passkeys/start-passkey-authentication")),
  ...(await import("@/lib/passkeys/verify-passkey-assertion")),
  ...(await import("@/lib/passkeys/list-passkeys")),
  ...(await import("@/lib/passkeys/delete-passkeys")),
  ...(await import("@/lib/passkeys/rename-passkey")),
  db: (await import("@/lib/db/client")).getDb(),
});

const audit = async (action: string, email: string) =>
  (await lib()).db.auditEvent.findMany({
    where: { action, subjectEmail: email },
    orderBy: { createdAt: "asc" },
    select: { result: true, details: true },
  });

test("a passkey is registered with a random user handle, listed, and then excluded from the next registration", async () => {
  const { startPasskeyRegistration, listPasskeys, db } = await lib();
  const { user, authenticator } = await setUp("reg@passkeys.test");
  const options = await startPasskeyRegistration(user.id, T0);
  assert.equal(options.authenticatorSelection?.residentKey, "required");
  assert.equal(options.authenticatorSelection?.userVerification, "required");
  assert.equal(options.attestation, "none");
  const handle = Buffer.from(options.user.id, "base64url").toString();
  assert.ok(!handle.includes("reg@"), "the user handle is not the address");
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).webauthnUserId, options.user.id);

  const { finishPasskeyRegistration } = await lib();
  const view = await finishPasskeyRegistration(user.id, { name: "  Work   laptop ", response: authenticator.register(options) }, ACTOR, T0);
  assert.equal(view.name, "Work laptop");
  assert.deepEqual(
    (await listPasskeys(user.id)).map((p) => [p.name, p.lastUsedAt]),
    [["Work laptop", null]],
  );
  const again = await startPasskeyRegistration(user.id, at(1));
  assert.deepEqual(
    again.excludeCredentials?.map((c) => c.id),
    [authenticator.passkeys[0].credentialId.toString("base64url")],
  );
  assert.equal(again.user.id, options.user.id, "the handle stays the same");
  assert.deepEqual(
    (await audit("passkey.register", "reg@passkeys.test")).map((a) => a.result),
    ["success"],
  );
});

test("a registration answer counts once, not after five minutes, and only from our origin", async () => {
  const { startPasskeyRegistration, finishPasskeyRegistration, listPasskeys } = await lib();
  const { user, authenticator } = await setUp("once@passkeys.test");
  const options = await startPasskeyRegistration(user.id, T0);
  const answer = authenticator.register(options);
  await finishPasskeyRegistration(user.id, { name: "Phone", response: answer }, ACTOR, T0);
  await assert.rejects(finishPasskeyRegistration(user.id, { name: "Phone", response: answer }, ACTOR, T0), { code: "invalid_credentials" });

  const late = await startPasskeyRegistration(user.id, at(10));
  await assert.rejects(
    finishPasskeyRegistration(
      user.id,
      { name: "Late", response: new SoftAuthenticator(...originAndRp(authenticator)).register(late) },
      ACTOR,
      at(15.5),
    ),
    { code: "invalid_credentials" },
  );
  const phished = await startPasskeyRegistration(user.id, at(20));
  await assert.rejects(
    finishPasskeyRegistration(
      user.id,
      { name: "Evil", response: authenticator.register(phished, { origin: "https://evil.test" }) },
      ACTOR,
      at(20),
    ),
    { code: "invalid_credentials" },
  );
  // Another account's challenge is not this account's.
  const other = await setUp("other@passkeys.test");
  const foreign = await startPasskeyRegistration(other.user.id, at(21));
  await assert.rejects(finishPasskeyRegistration(user.id, { name: "X", response: authenticator.register(foreign) }, ACTOR, at(21)), {
    code: "invalid_credentials",
  });
  assert.deepEqual(
    (await listPasskeys(user.id)).map((p) => p.name),
    ["Phone"],
  );
  const reasons = (await audit("passkey.register", "once@passkeys.test")).map((a) => `${a.result}:${JSON.parse(a.details).reason ?? ""}`);
  assert.deepEqual(reasons, ["success:", "failure:challenge", "failure:challenge", "failure:verification", "failure:challenge"]);
});

function originAndRp(a: SoftAuthenticator): [string, string] {
  const { origin, rpId } = a as unknown as { origin: string; rpId: string };
  return [origin, rpId];
}

test("one credential belongs to one account: registering it again, here or elsewhere, is refused", async () => {
  const { startPasskeyRegistration, finishPasskeyRegistration } = await lib();
  const a = await setUp("first@dupes.test");
  const b = await setUp("second@dupes.test");
  await register(a.user.id, a.authenticator);
  const key = a.authenticator.passkeys[0];
  const options = await startPasskeyRegistration(b.user.id, at(1));
  await assert.rejects(
    finishPasskeyRegistration(b.user.id, { name: "Stolen", response: a.authenticator.register(options, { reuse: key }) }, ACTOR, at(1)),
    {
      code: "conflict",
    },
  );
});

test("an assertion signs in once; the counter must grow; another authenticator or account is refused", async () => {
  const { startPasskeyAuthentication, verifyPasskeyAssertion, listPasskeys } = await lib();
  const { user, authenticator, rp } = await setUp("use@passkeys.test");
  await register(user.id, authenticator);

  const options = await startPasskeyAuthentication(user.id, at(1));
  assert.equal(options.userVerification, "required");
  assert.equal(options.allowCredentials?.length, 1);
  const answer = authenticator.authenticate(options);
  const ok = await verifyPasskeyAssertion({ userId: user.id, response: answer }, ACTOR, at(1));
  assert.equal(ok.userId, user.id);
  assert.deepEqual(
    (await listPasskeys(user.id)).map((p) => p.lastUsedAt?.toISOString()),
    [at(1).toISOString()],
  );
  // The same answer again: its challenge is gone.
  await assert.rejects(verifyPasskeyAssertion({ userId: user.id, response: answer }, ACTOR, at(1)), { code: "invalid_credentials" });

  // A counter that did not grow (a cloned authenticator) is refused and audited as such.
  const cloned = await startPasskeyAuthentication(user.id, at(2));
  await assert.rejects(
    verifyPasskeyAssertion({ userId: user.id, response: authenticator.authenticate(cloned, { counter: 1 }) }, ACTOR, at(2)),
    { code: "invalid_credentials" },
  );
  // Without user verification, refused.
  const noUv = await startPasskeyAuthentication(user.id, at(3));
  await assert.rejects(
    verifyPasskeyAssertion({ userId: user.id, response: authenticator.authenticate(noUv, { userVerified: false }) }, ACTOR, at(3)),
    { code: "invalid_credentials" },
  );
  // An authenticator that never registered.
  const stranger = new SoftAuthenticator(rp.origin, rp.id);
  stranger.register({ challenge: "x", user: { id: "eA" } });
  const other = await startPasskeyAuthentication(user.id, at(4));
  await assert.rejects(verifyPasskeyAssertion({ userId: user.id, response: stranger.authenticate(other) }, ACTOR, at(4)), {
    code: "invalid_credentials",
  });
  // This account's passkey answering a challenge issued for another account.
  const someoneElse = await setUp("else@passkeys.test");
  const theirs = await startPasskeyAuthentication(someoneElse.user.id, at(5));
  await assert.rejects(
    verifyPasskeyAssertion({ userId: someoneElse.user.id, response: authenticator.authenticate(theirs) }, ACTOR, at(5)),
    {
      code: "invalid_credentials",
    },
  );

  const rows = (await audit("passkey.use", "use@passkeys.test")).map((a) => `${a.result}:${JSON.parse(a.details).reason ?? ""}`);
  assert.deepEqual(rows, ["success:", "denied:counter_regression", "failure:verification"]);
});

test("an authenticator that keeps no counter (0 every time) is accepted each time", async () => {
  const { startPasskeyAuthentication, verifyPasskeyAssertion } = await lib();
  const { user, authenticator } = await setUp("synced@passkeys.test", 0);
  await register(user.id, authenticator);
  for (const minute of [1, 2]) {
    const options = await startPasskeyAuthentication(user.id, at(minute));
    await verifyPasskeyAssertion({ userId: user.id, response: authenticator.authenticate(options) }, ACTOR, at(minute));
  }
});

test("passwordless: the passkey names the account, and its user handle must agree", async () => {
  const { startPasskeyAuthentication, verifyPasskeyAssertion } = await lib();
  const { user, authenticator } = await setUp("nopass@passkeys.test");
  await register(user.id, authenticator);
  const options = await startPasskeyAuthentication(null, at(1));
  assert.deepEqual(options.allowCredentials ?? [], [], "no account is named");
  assert.equal(
    (await verifyPasskeyAssertion({ userId: null, response: authenticator.authenticate(options) }, ACTOR, at(1))).email,
    "nopass@passkeys.test",
  );

  const forged = await startPasskeyAuthentication(null, at(2));
  const answer = authenticator.authenticate(forged);
  answer.response.userHandle = Buffer.from("someone else").toString("base64url");
  await assert.rejects(verifyPasskeyAssertion({ userId: null, response: answer }, ACTOR, at(2)), { code: "invalid_credentials" });
  // A challenge issued for passwordless use is not one for an account's second step, nor the reverse.
  const forAccount = await startPasskeyAuthentication(user.id, at(3));
  await assert.rejects(verifyPasskeyAssertion({ userId: null, response: authenticator.authenticate(forAccount) }, ACTOR, at(3)), {
    code: "invalid_credentials",
  });
});

for (const kind of ["second step", "passwordless"] as const) {
  test(`twenty copies of one assertion sent at once (${kind}): exactly one passes`, async () => {
    const { startPasskeyAuthentication, verifyPasskeyAssertion } = await lib();
    const { user, authenticator } = await setUp(`race-${kind.replace(" ", "-")}@passkeys.test`);
    await register(user.id, authenticator);
    const userId = kind === "passwordless" ? null : user.id;
    const answer = authenticator.authenticate(await startPasskeyAuthentication(userId, at(1)));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => verifyPasskeyAssertion({ userId, response: answer }, ACTOR, at(1))),
    );
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  });
}

test("rename and delete touch only the account's own passkeys; delete all empties the list", async () => {
  const { renamePasskey, deletePasskeys, listPasskeys } = await lib();
  const a = await setUp("own@passkeys.test");
  const b = await setUp("notmine@passkeys.test");
  const first = await register(a.user.id, a.authenticator, "One");
  await register(a.user.id, a.authenticator, "Two", at(1));
  const theirs = await register(b.user.id, b.authenticator, "Theirs");

  await assert.rejects(renamePasskey(a.user.id, theirs.id, "Mine now", ACTOR), { code: "not_found" });
  await assert.rejects(renamePasskey(a.user.id, first.id, "   ", ACTOR), { code: "invalid_input" });
  await assert.rejects(renamePasskey(a.user.id, first.id, "x".repeat(65), ACTOR), { code: "invalid_input" });
  await renamePasskey(a.user.id, first.id, "Desk key", ACTOR);
  await assert.rejects(deletePasskeys(a.user.id, theirs.id, ACTOR), { code: "not_found" });
  assert.equal((await deletePasskeys(a.user.id, first.id, ACTOR)).deleted, 1);
  assert.deepEqual(
    (await listPasskeys(a.user.id)).map((p) => p.name),
    ["Two"],
  );
  assert.equal((await deletePasskeys(a.user.id, "all", ACTOR)).deleted, 1);
  assert.deepEqual(await listPasskeys(a.user.id), []);
  assert.deepEqual(
    (await listPasskeys(b.user.id)).map((p) => p.name),
    ["Theirs"],
  );
});

test("an admin's 2FA reset removes the account's passkeys too, and says how many", async () => {
  const { resetTwoFactor } = await import("@/lib/two-factor/requirements/reset-two-factor");
  const { listPasskeys } = await lib();
  const { user, authenticator } = await setUp("lost@passkeys.test");
  await register(user.id, authenticator, "Phone");
  await register(user.id, authenticator, "Key", at(1));
  assert.equal((await resetTwoFactor(user.email, { email: "admin@passkeys.test" })).passkeys, 2);
  assert.deepEqual(await listPasskeys(user.id), []);
  assert.equal(JSON.parse((await audit("2fa.reset", "lost@passkeys.test"))[0].details).passkeys, 2);
});

test("a passkey is a second factor: sign-in asks for it, a requirement is met by it, the domain no longer counts the account as without one", async () => {
  const { decideSecondFactor } = await import("@/lib/two-factor/decide-second-factor");
  const { setUserTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { getDomainTwoFactorSettings } = await import("@/lib/two-factor/requirements/domain-two-factor-settings");
  const { hasSecondFactor } = await import("@/lib/two-factor/devices/has-second-factor");
  const { user, authenticator } = await setUp("factor@keyonly.test");
  const domainId = (await (await lib()).db.user.findUniqueOrThrow({ where: { id: user.id } })).domainId;
  await setUserTwoFactorRequired(user.id, true, ACTOR, T0);
  const before = await decideSecondFactor({ userId: user.id, domainId, ip: "192.0.2.1" }, at(1));
  assert.deepEqual(before, { stage: "enrol" }, "required and nothing enrolled yet");
  assert.equal((await getDomainTwoFactorSettings("keyonly.test")).usersWithoutDevice, 1);

  await register(user.id, authenticator, "Phone", at(2));
  assert.equal(await hasSecondFactor(user.id), true);
  assert.deepEqual(await decideSecondFactor({ userId: user.id, domainId, ip: "192.0.2.1" }, at(3)), { stage: "otp" });
  assert.equal((await getDomainTwoFactorSettings("keyonly.test")).usersWithoutDevice, 0);
});

test("deleting the last second factor, passkey or app, takes the recovery codes and trusted devices with it", async () => {
  const { deletePasskeys, db } = await lib();
  const { deleteTotpDevice } = await import("@/lib/two-factor/devices/delete-totp-device");
  const { setUserTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { user, authenticator } = await setUp("last@passkeys.test");
  const key = await register(user.id, authenticator, "Key");
  const app = await db.totpDevice.create({ data: { userId: user.id, label: "App", secretEnc: "x", enabled: true } });
  await db.recoveryCode.create({ data: { userId: user.id, codeHash: "last-code" } });
  await db.trustedDevice.create({ data: { userId: user.id, tokenHash: "last-device", expiresAt: at(60 * 24) } });
  const left = async () => [
    await db.recoveryCode.count({ where: { userId: user.id } }),
    await db.trustedDevice.count({ where: { userId: user.id } }),
  ];

  // The app goes; the passkey is still a second factor, so nothing else goes.
  await deleteTotpDevice(user.id, app.id, ACTOR);
  assert.deepEqual(await left(), [1, 1]);
  // Required: the person may not delete their last one themselves; an admin may.
  await setUserTwoFactorRequired(user.id, true, ACTOR, T0);
  await assert.rejects(deletePasskeys(user.id, key.id, ACTOR, { keepLastWhenRequired: true }), { code: "conflict" });
  assert.equal((await db.passkey.count({ where: { userId: user.id } })) + (await left())[0], 2, "nothing changed");
  assert.deepEqual(await deletePasskeys(user.id, key.id, ACTOR), { deleted: 1, recoveryCodesDeleted: 1, trustedDevicesForgotten: 1 });
  assert.deepEqual(await left(), [0, 0]);
});

test("a passkey-only account can make recovery codes, which then stand in for the passkey at sign-in", async () => {
  const { deletePasskeys, db } = await lib();
  const { regenerateRecoveryCodes } = await import("@/lib/two-factor/recovery-codes/regenerate-recovery-codes");
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { user, authenticator } = await setUp("codes@keyonly.test");
  await register(user.id, authenticator, "Phone");
  const codes = await regenerateRecoveryCodes(user.id, ACTOR, at(1));
  assert.equal(codes.length, 12);
  assert.deepEqual(await verifySecondFactor(user.id, codes[0], ACTOR, at(2)), { ok: true, method: "recovery" });
  // The passkey was the last second factor: its codes go with it, and none can be made until a new one.
  await deletePasskeys(user.id, "all", ACTOR);
  assert.equal(await db.recoveryCode.count({ where: { userId: user.id } }), 0);
  await assert.rejects(regenerateRecoveryCodes(user.id, ACTOR, at(4)), { code: "conflict" });
});
