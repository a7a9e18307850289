import { test } from "node:test";
import assert from "node:assert/strict";
import { at, audit, lib, register, setUp, T0 } from "./passkey-fixtures";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// Passkeys kept by people and admins (issue 14): rename and delete, the 2FA reset, a passkey as a
// second factor wherever an authenticator app is one, and recovery codes alongside it.

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
