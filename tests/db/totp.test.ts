import { test } from "node:test";
import assert from "node:assert/strict";
import type { TotpParams } from "@/lib/two-factor/devices/totp-options";
import { ACTOR, TEST_DB_KIND, useTestDatabase } from "./support";

useTestDatabase();

// Time is injected: T0 sits in the middle of a 30-second step, so ±1 step is unambiguous.
const T0 = new Date(Date.UTC(2026, 0, 15, 9, 0, 15));
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const PASSWORD = "plenty long passphrase for tests";

async function makeUser(email: string) {
  const { createUser } = await import("@/lib/users/create-user");
  return createUser({ email, password: PASSWORD, createDomain: true }, ACTOR);
}

async function codeAt(secret: string, when: Date, params: TotpParams = { algorithm: "SHA1", digits: 6, period: 30 }) {
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  return computeTotp(secret, params, when.getTime());
}

/** A user with one confirmed device; returns its secret and first recovery codes. */
async function enrolled(email: string) {
  const { enrolTotpDevice } = await import("@/lib/two-factor/devices/enrol-totp-device");
  const { confirmTotpDevice } = await import("@/lib/two-factor/devices/confirm-totp-device");
  const user = await makeUser(email);
  const e = await enrolTotpDevice(user.id, { label: "Phone" }, ACTOR, T0);
  const { recoveryCodes } = await confirmTotpDevice(user.id, e.deviceId, await codeAt(e.secret, T0), ACTOR, T0);
  return { user, deviceId: e.deviceId, secret: e.secret, recoveryCodes: recoveryCodes! };
}

test("enrol → confirm → verify: the seed is stored encrypted, the device turns on only after a valid code", async () => {
  const { enrolTotpDevice } = await import("@/lib/two-factor/devices/enrol-totp-device");
  const { confirmTotpDevice } = await import("@/lib/two-factor/devices/confirm-totp-device");
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { hasEnabledTotp } = await import("@/lib/two-factor/devices/has-second-factor");
  const { getDb } = await import("@/lib/db/client");
  const user = await makeUser("enrol@example.com");

  const e = await enrolTotpDevice(
    user.id,
    { label: "  Work   phone ", options: { algorithm: "sha256", digits: "8", period: 60 } },
    ACTOR,
    T0,
  );
  assert.match(
    e.uri,
    /^otpauth:\/\/totp\/Gatehouse:enrol%40example\.com\?secret=[A-Z2-7]+&issuer=Gatehouse&algorithm=SHA256&digits=8&period=60$/,
  );
  assert.ok(e.uri.includes(`secret=${e.secret}`));
  const row = await getDb().totpDevice.findUniqueOrThrow({ where: { id: e.deviceId }, omit: { secretEnc: false } });
  assert.equal(row.label, "Work phone");
  assert.equal(row.enabled, false);
  assert.ok(!row.secretEnc.includes(e.secret), "the seed is not stored in clear");
  assert.equal(await hasEnabledTotp(user.id), false, "an unconfirmed device does not count");

  const params = { algorithm: "SHA256", digits: 8, period: 60 } as const;
  await assert.rejects(
    confirmTotpDevice(user.id, e.deviceId, "12345678", ACTOR, T0),
    (err: Error & { code?: string }) => err.code === "invalid_input",
  );
  await assert.rejects(
    confirmTotpDevice(user.id, e.deviceId, await codeAt(e.secret, at(-120), params), ACTOR, T0),
    /not right/,
    "two steps old",
  );
  assert.equal((await getDb().totpDevice.findUniqueOrThrow({ where: { id: e.deviceId } })).failedAttempts, 2);

  const confirmed = await confirmTotpDevice(user.id, e.deviceId, await codeAt(e.secret, T0, params), ACTOR, T0);
  assert.equal(confirmed.recoveryCodes?.length, 12, "the first device comes with 12 recovery codes");
  assert.equal(new Set(confirmed.recoveryCodes).size, 12);
  assert.equal(await hasEnabledTotp(user.id), true);
  const stored = await getDb().recoveryCode.findMany({ where: { userId: user.id }, omit: { codeHash: false } });
  assert.equal(stored.length, 12);
  assert.ok(stored.every((c) => !confirmed.recoveryCodes!.some((code) => c.codeHash.includes(code.replace("-", "")))));

  // The code that confirmed the device cannot be replayed at the OTP step; the next step's code works.
  assert.deepEqual(await verifySecondFactor(user.id, await codeAt(e.secret, T0, params), ACTOR, at(5)), { ok: false });
  assert.deepEqual(await verifySecondFactor(user.id, await codeAt(e.secret, at(60), params), ACTOR, at(60)), { ok: true, method: "totp" });
  const after = await getDb().totpDevice.findUniqueOrThrow({ where: { id: e.deviceId } });
  assert.equal(after.failedAttempts, 0, "a success clears the failure count");
  assert.equal(after.lastUsedAt?.getTime(), at(60).getTime());

  // A second device comes without new codes, and the old codes stay valid.
  const second = await enrolTotpDevice(user.id, { label: "Tablet" }, ACTOR, T0);
  assert.deepEqual(await confirmTotpDevice(user.id, second.deviceId, await codeAt(second.secret, T0), ACTOR, T0), { recoveryCodes: null });
  assert.equal(await getDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } }), 12);
  await assert.rejects(confirmTotpDevice(user.id, second.deviceId, await codeAt(second.secret, at(30)), ACTOR, at(30)), /already/);
});

test("an enrolment left too long expires, and bad labels or options are refused with field errors", async () => {
  const { enrolTotpDevice } = await import("@/lib/two-factor/devices/enrol-totp-device");
  const { confirmTotpDevice } = await import("@/lib/two-factor/devices/confirm-totp-device");
  const user = await makeUser("slow@example.com");
  const e = await enrolTotpDevice(user.id, { label: "Phone" }, ACTOR, T0);
  const late = at(31 * 60);
  await assert.rejects(confirmTotpDevice(user.id, e.deviceId, await codeAt(e.secret, late), ACTOR, late), /took too long/);
  await assert.rejects(
    enrolTotpDevice(user.id, { label: "   " }, ACTOR, T0),
    (err: Error & { fieldErrors?: Record<string, string[]> }) => !!err.fieldErrors?.label,
  );
  await assert.rejects(enrolTotpDevice(user.id, { label: "x".repeat(65) }, ACTOR, T0), /at most 64/);
  await assert.rejects(
    enrolTotpDevice(user.id, { label: "Phone", options: { digits: 10, period: 45 } }, ACTOR, T0),
    (err: Error & { fieldErrors?: Record<string, string[]> }) => !!err.fieldErrors?.digits && !!err.fieldErrors?.period,
  );
});

test("a code is accepted once: replay is refused, and other users' codes do not cross over", async () => {
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { getDb } = await import("@/lib/db/client");
  const { user, secret } = await enrolled("replay@example.com");
  const other = await enrolled("replay-other@example.com");
  const code = await codeAt(secret, at(30));
  assert.deepEqual(await verifySecondFactor(other.user.id, code, ACTOR, at(30)), { ok: false }, "another user's device");
  assert.deepEqual(await verifySecondFactor(user.id, code, ACTOR, at(30)), { ok: true, method: "totp" });
  assert.deepEqual(await verifySecondFactor(user.id, code, ACTOR, at(31)), { ok: false }, "replay within the window");
  assert.deepEqual(await verifySecondFactor(user.id, await codeAt(secret, at(30)), ACTOR, at(45)), { ok: false });
  // An older step's code is refused after a newer one was used.
  assert.deepEqual(await verifySecondFactor(user.id, await codeAt(secret, at(60)), ACTOR, at(60)), { ok: true, method: "totp" });
  assert.deepEqual(await verifySecondFactor(user.id, await codeAt(secret, at(30)), ACTOR, at(60)), { ok: false });

  const device = await getDb().totpDevice.findFirstOrThrow({ where: { userId: user.id } });
  assert.equal(device.failedAttempts, 1, "refusals since the last success count on the user's enabled devices");
  const audit = await getDb().auditEvent.findMany({ where: { subjectId: user.id, action: "2fa.verify" } });
  assert.equal(audit.filter((a) => a.result === "failure").length, 3);
  assert.ok(
    audit.every((a) => !a.details.includes(code)),
    "audit rows never hold the code",
  );
});

test("two parallel verifications of one code: exactly one succeeds", async () => {
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { user, secret } = await enrolled(`race-${TEST_DB_KIND}@example.com`);
  for (const offset of [30, 60, 90, 120, 150]) {
    const when = at(offset);
    const code = await codeAt(secret, when);
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(user.id, code, ACTOR, when)));
    assert.equal(results.filter((r) => r.ok).length, 1, `step +${offset}s: ${JSON.stringify(results)}`);
  }
});

test("five parallel confirmations of one enrolment with one code: one turns the device on, and the code is spent", async () => {
  const { enrolTotpDevice } = await import("@/lib/two-factor/devices/enrol-totp-device");
  const { confirmTotpDevice } = await import("@/lib/two-factor/devices/confirm-totp-device");
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { getDb } = await import("@/lib/db/client");
  const user = await makeUser(`confirm-race-${TEST_DB_KIND}@example.com`);
  const e = await enrolTotpDevice(user.id, { label: "Phone" }, ACTOR, T0);
  const code = await codeAt(e.secret, T0);
  const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => confirmTotpDevice(user.id, e.deviceId, code, ACTOR, T0)));
  const succeeded = results.filter((r) => r.status === "fulfilled");
  assert.equal(succeeded.length, 1, JSON.stringify(results.map((r) => r.status)));
  assert.equal((succeeded[0] as PromiseFulfilledResult<{ recoveryCodes: string[] | null }>).value.recoveryCodes?.length, 12);
  assert.equal(await getDb().recoveryCode.count({ where: { userId: user.id } }), 12, "one set of recovery codes, not one per request");
  const audit = await getDb().auditEvent.findMany({ where: { subjectId: user.id, action: "totp.enable" } });
  assert.equal(audit.filter((a) => a.result === "success").length, 1);
  assert.deepEqual(await verifySecondFactor(user.id, code, ACTOR, at(5)), { ok: false }, "the code is spent");
});

test("a recovery code works once, in any spelling; parallel use succeeds once; regenerate invalidates the old set", async () => {
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { regenerateRecoveryCodes } = await import("@/lib/two-factor/recovery-codes/regenerate-recovery-codes");
  const { listTotpDevices } = await import("@/lib/two-factor/devices/list-totp-devices");
  const { user, recoveryCodes } = await enrolled("recovery@example.com");
  const [first, second, third] = recoveryCodes;

  assert.deepEqual(await verifySecondFactor(user.id, ` ${first.toUpperCase().replace("-", " ")} `, ACTOR, T0), {
    ok: true,
    method: "recovery",
  });
  assert.deepEqual(await verifySecondFactor(user.id, first, ACTOR, T0), { ok: false }, "used");
  const racing = await Promise.all([verifySecondFactor(user.id, second, ACTOR, T0), verifySecondFactor(user.id, second, ACTOR, T0)]);
  assert.equal(racing.filter((r) => r.ok).length, 1);
  assert.deepEqual((await listTotpDevices(user.id)).recoveryCodes, { total: 12, unused: 10 });

  const fresh = await regenerateRecoveryCodes(user.id, ACTOR, T0);
  assert.equal(fresh.length, 12);
  assert.deepEqual(await verifySecondFactor(user.id, third, ACTOR, T0), { ok: false }, "old unused code is dead");
  assert.deepEqual(await verifySecondFactor(user.id, fresh[0], ACTOR, T0), { ok: true, method: "recovery" });
  assert.deepEqual((await listTotpDevices(user.id)).recoveryCodes, { total: 12, unused: 11 });

  const plain = await makeUser("no-device@example.com");
  await assert.rejects(regenerateRecoveryCodes(plain.id, ACTOR, T0), {
    code: "conflict",
    message: /Add a passkey or an authenticator app first/,
  });
});

test("malformed and over-long input is refused without touching the devices", async () => {
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { getDb } = await import("@/lib/db/client");
  const { user } = await enrolled("junk@example.com");
  const failures = async () => (await getDb().totpDevice.findFirstOrThrow({ where: { userId: user.id } })).failedAttempts;
  assert.deepEqual(await verifySecondFactor(user.id, "9".repeat(10_000), ACTOR, T0), { ok: false });
  assert.equal(await failures(), 0, "over-long input does no work at all");
  for (const junk of ["", "12345", "1234567", "abc!def", "12345a"])
    assert.deepEqual(await verifySecondFactor(user.id, junk, ACTOR, T0), { ok: false });
  assert.equal(await failures(), 5, "malformed codes count as failures");
});

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
