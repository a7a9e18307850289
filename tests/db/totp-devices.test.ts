import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";
import { T0, at, codeAt, enrolled, makeUser } from "./totp-fixtures";

useTestDatabase();

// Removing devices: by their owner only, the last one with its recovery codes; an admin reset of
// everything a person signs in with; devices an admin provisions from the CLI.

test("a user cannot delete another user's device; deleting the last device takes the recovery codes", async () => {
  const { deleteTotpDevice } = await import("@/lib/two-factor/devices/delete-totp-device");
  const { enrolTotpDevice } = await import("@/lib/two-factor/devices/enrol-totp-device");
  const { confirmTotpDevice } = await import("@/lib/two-factor/devices/confirm-totp-device");
  const { hasEnabledTotp } = await import("@/lib/two-factor/devices/has-second-factor");
  const { getDb } = await import("@/lib/db/client");
  const owner = await enrolled("owner@example.com");
  const mallory = await enrolled("mallory@example.com");

  await assert.rejects(
    deleteTotpDevice(mallory.user.id, owner.deviceId, ACTOR),
    (err: Error & { code?: string }) => err.code === "not_found",
  );
  assert.equal(await hasEnabledTotp(owner.user.id), true);

  const extra = await enrolTotpDevice(owner.user.id, { label: "Spare" }, ACTOR, T0);
  await confirmTotpDevice(owner.user.id, extra.deviceId, await codeAt(extra.secret, T0), ACTOR, T0);
  assert.equal((await deleteTotpDevice(owner.user.id, owner.deviceId, ACTOR)).recoveryCodesDeleted, 0, "one device is left");
  assert.equal(await getDb().recoveryCode.count({ where: { userId: owner.user.id } }), 12);
  assert.equal((await deleteTotpDevice(owner.user.id, extra.deviceId, ACTOR)).recoveryCodesDeleted, 12);
  assert.equal(await getDb().recoveryCode.count({ where: { userId: owner.user.id } }), 0);
  assert.equal(await hasEnabledTotp(owner.user.id), false);
  assert.equal(await getDb().auditEvent.count({ where: { subjectId: owner.user.id, action: "totp.delete" } }), 2);

  // When an admin requires 2FA, self-service may not delete the last device; an admin still may.
  const required = await enrolled("required@example.com");
  await getDb().user.update({ where: { id: required.user.id }, data: { require2fa: true, twoFactorRequiredAt: T0 } });
  await assert.rejects(
    deleteTotpDevice(required.user.id, required.deviceId, ACTOR, { keepLastWhenRequired: true }),
    (err: Error & { code?: string }) => err.code === "conflict" && /keep at least one/.test(err.message),
  );
  assert.equal(await hasEnabledTotp(required.user.id), true, "the refused delete changed nothing");
  assert.equal(await getDb().recoveryCode.count({ where: { userId: required.user.id } }), 12);
  await deleteTotpDevice(required.user.id, required.deviceId, ACTOR);
  assert.equal(await hasEnabledTotp(required.user.id), false);
});

test("admin reset removes every device and code and revokes sessions and trusted devices", async () => {
  const { resetTwoFactor } = await import("@/lib/two-factor/requirements/reset-two-factor");
  const { createSession, findActiveSession } = await import("@/lib/sessions/session-store");
  const { trustDevice } = await import("@/lib/trusted-devices/trust-device");
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { getDb } = await import("@/lib/db/client");
  const { user, secret, recoveryCodes } = await enrolled("reset@example.com");
  const bystander = await enrolled("bystander@example.com");
  const db = getDb();
  const raw = await db.$transaction((tx) => createSession(tx, { userId: user.id, authMethod: "otp" }));
  await db.$transaction((tx) => trustDevice(tx, { userId: user.id, description: "Firefox on Linux", ip: "192.0.2.7", lifetimeDays: 30 }));
  assert.ok(await findActiveSession(raw));

  await resetTwoFactor("RESET@example.com", { id: "admin-id", email: "admin@example.com" });
  assert.equal(await db.totpDevice.count({ where: { userId: user.id } }), 0);
  assert.equal(await db.recoveryCode.count({ where: { userId: user.id } }), 0);
  assert.equal(await db.trustedDevice.count({ where: { userId: user.id } }), 0);
  assert.equal(await findActiveSession(raw), null, "signed out everywhere");
  assert.deepEqual(await verifySecondFactor(user.id, recoveryCodes[0], ACTOR, T0), { ok: false });
  assert.deepEqual(await verifySecondFactor(user.id, await codeAt(secret, at(30)), ACTOR, at(30)), { ok: false });
  assert.equal(await db.totpDevice.count({ where: { userId: bystander.user.id } }), 1, "other users are untouched");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: user.id, action: "2fa.reset" } });
  assert.deepEqual(JSON.parse(audit.details), {
    devices: 1,
    recoveryCodes: 12,
    passkeys: 0,
    sessions: 1,
    trustedDevices: 1,
    credentialsRevoked: 0,
    qrTokensRevoked: 0,
    authLinksRevoked: 0,
    keepCredentials: false,
  });
  await assert.rejects(resetTwoFactor("nobody@example.com", ACTOR), /not found/);
});

test("admin provisioning (CLI totp generate) makes an enabled device with the chosen options and codes", async () => {
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const user = await makeUser("provisioned@example.com");
  const p = await provisionTotpDevice(
    user.email,
    { labelPrefix: "Acme Mail", recoveryCodeCount: 4, options: { algorithm: "SHA512", digits: 8, secretLength: 32 } },
    ACTOR,
    T0,
  );
  assert.match(
    p.uri,
    /^otpauth:\/\/totp\/Acme%20Mail:provisioned%40example\.com\?secret=[A-Z2-7]{52}&issuer=Acme%20Mail&algorithm=SHA512&digits=8&period=30$/,
  );
  assert.equal(p.recoveryCodes.length, 4);
  const code = await codeAt(p.secret, T0, { algorithm: "SHA512", digits: 8, period: 30 });
  assert.deepEqual(await verifySecondFactor(user.id, code, ACTOR, T0), { ok: true, method: "totp" });
  const again = await provisionTotpDevice(user.id, { recoveryCodeCount: 0 }, ACTOR, T0);
  assert.deepEqual(again.recoveryCodes, []);
  assert.deepEqual(
    await verifySecondFactor(user.id, p.recoveryCodes[0], ACTOR, T0),
    { ok: true, method: "recovery" },
    "static_code 0 keeps the old codes",
  );
  await assert.rejects(provisionTotpDevice(user.id, { recoveryCodeCount: 13 }, ACTOR, T0), /0 to 12/);
  await assert.rejects(provisionTotpDevice(user.id, { labelPrefix: "a:b" }, ACTOR, T0), /without ':'/);
});
