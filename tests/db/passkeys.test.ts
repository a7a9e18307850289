import { test } from "node:test";
import assert from "node:assert/strict";
import { SoftAuthenticator } from "../soft-authenticator";
import { at, audit, lib, register, setUp, T0 } from "./passkey-fixtures";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// Passkeys' core (issue 14): registration and assertions checked by @simplewebauthn/server against
// a software authenticator that signs for real; challenges single-use and short-lived in the
// database; counters that must grow; credential ids unique across accounts.

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
