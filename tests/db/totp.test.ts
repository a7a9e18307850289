import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, TEST_DB_KIND, useTestDatabase } from "./support";
import { T0, at, codeAt, enrolled, makeUser } from "./totp-fixtures";

useTestDatabase();

// Time is injected (totp-fixtures.ts): T0 sits in the middle of a 30-second step.

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
