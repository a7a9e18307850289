import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// The web sign-in flow below the browser: the password step's decision, the OTP step bound to its
// ticket, trusted devices, and the throttle, with time injected.
const PASSWORD = "a lighthouse keeper's log";
const T0 = new Date("2026-11-29T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function setUp() {
  const { createUser } = await import("@/lib/users/create-user");
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  await createUser({ email: "ed@flow.test", password: PASSWORD, createDomain: true }, ACTOR);
  await createUser({ email: "plain@flow.test", password: PASSWORD }, ACTOR);
  const device = await provisionTotpDevice("ed@flow.test", { options: {} }, ACTOR, T0);
  return device;
}

let secret = "";
let recovery: string[] = [];

test("the password step asks for a code only when one is needed", async () => {
  const device = await setUp();
  secret = device.secret;
  recovery = device.recoveryCodes;
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  assert.equal((await beginPasswordSignIn({ email: "plain@flow.test", password: PASSWORD }, ACTOR, T0)).stage, "ready");
  assert.equal(
    (await beginPasswordSignIn({ email: "ed@flow.test", password: PASSWORD }, ACTOR, T0)).stage,
    "otp",
    "a device means a code even under policy 0",
  );
  await assert.rejects(beginPasswordSignIn({ email: "ed@flow.test", password: "wrong wrong wrong" }, ACTOR, T0), {
    code: "invalid_credentials",
  });
});

test("the OTP step: bound to a ticket, wrong codes counted, a code accepted once, trust remembered", async () => {
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { verifyOtpStep, OTP_ATTEMPTS_PER_TICKET } = await import("@/lib/auth/verify-otp-step");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  const opts = { algorithm: "SHA1", digits: 6, period: 30 } as const;
  const now = at(60);

  await assert.rejects(verifyOtpStep({ ticket: undefined, code: "123456", trustThisDevice: false }, ACTOR, now), { code: "expired" });
  await assert.rejects(verifyOtpStep({ ticket: "forged", code: "123456", trustThisDevice: false }, ACTOR, now), { code: "expired" });

  const { ticket } = await beginPasswordSignIn({ email: "ed@flow.test", password: PASSWORD }, ACTOR, now);
  assert.equal(await completeSignIn(ticket, ACTOR, now), null, "an OTP-stage ticket cannot make a session");
  // Attempts 5 s apart stay clear of the throttle's delays (tested below), so only the ticket's limit shows.
  for (let i = 1; i < OTP_ATTEMPTS_PER_TICKET; i++) {
    await assert.rejects(verifyOtpStep({ ticket, code: "000000", trustThisDevice: false }, ACTOR, at(60 + i * 5)), {
      code: "invalid_credentials",
    });
  }
  await assert.rejects(
    verifyOtpStep({ ticket, code: "000000", trustThisDevice: false }, ACTOR, at(90)),
    { code: "expired" },
    "the ticket is gone after too many",
  );

  const second = (await beginPasswordSignIn({ email: "ed@flow.test", password: PASSWORD }, ACTOR, at(100))).ticket;
  const code = computeTotp(secret, opts, at(100).getTime());
  const ok = await verifyOtpStep({ ticket: second, code, trustThisDevice: true }, ACTOR, at(100));
  assert.ok(ok.trustedDevice?.token);
  assert.ok(await completeSignIn(second, ACTOR, at(100)), "a ready ticket makes a session");
  assert.equal(await completeSignIn(second, ACTOR, at(100)), null, "once");

  const third = (await beginPasswordSignIn({ email: "ed@flow.test", password: PASSWORD }, ACTOR, at(101))).ticket;
  await assert.rejects(
    verifyOtpStep({ ticket: third, code, trustThisDevice: false }, ACTOR, at(101)),
    { code: "invalid_credentials" },
    "replayed code",
  );

  // The trusted device skips the code next time, from the same IP and, with ip_can_change, from another.
  const trusted = { email: "ed@flow.test", password: PASSWORD, trustedDeviceToken: ok.trustedDevice!.token };
  assert.equal((await beginPasswordSignIn(trusted, ACTOR, at(102))).stage, "ready");
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  await setPolicy({ domain: "flow.test" }, "WebUI", { twoFactorPolicy: 2, ipCanChange: false }, ACTOR);
  assert.equal((await beginPasswordSignIn(trusted, { ...ACTOR, ip: "10.9.9.9" }, at(103))).stage, "otp", "not from another IP");
  assert.equal((await beginPasswordSignIn(trusted, ACTOR, at(104))).stage, "ready");
  const days = 31 * 24 * 3600;
  assert.equal((await beginPasswordSignIn(trusted, ACTOR, at(days))).stage, "otp", "trust expires");

  // A recovery code works once.
  const fourth = (await beginPasswordSignIn({ email: "ed@flow.test", password: PASSWORD }, ACTOR, at(110))).ticket;
  await verifyOtpStep({ ticket: fourth, code: recovery[0], trustThisDevice: false }, ACTOR, at(110));
  const fifth = (await beginPasswordSignIn({ email: "ed@flow.test", password: PASSWORD }, ACTOR, at(111))).ticket;
  await assert.rejects(verifyOtpStep({ ticket: fifth, code: recovery[0], trustThisDevice: false }, ACTOR, at(111)), {
    code: "invalid_credentials",
  });
});

test("policy 1: a trusted range skips the code; outside it the code is asked; without a device it is no way round enrolment", async () => {
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  await setPolicy({ domain: "flow.test" }, "WebUI", { twoFactorPolicy: 1, trustedIpRanges: "192.0.2.0/24,2001:db8::/32" }, ACTOR);
  const attempt = (email: string, ip: string) => beginPasswordSignIn({ email, password: PASSWORD }, { ...ACTOR, ip }, at(200));
  assert.equal((await attempt("ed@flow.test", "192.0.2.7")).stage, "ready");
  assert.equal((await attempt("ed@flow.test", "2001:db8::1")).stage, "ready");
  assert.equal((await attempt("ed@flow.test", "198.51.100.1")).stage, "otp");
  assert.equal((await attempt("plain@flow.test", "192.0.2.7")).stage, "enrol", "no device yet: enrolment, even in the range");
  assert.equal((await attempt("plain@flow.test", "198.51.100.1")).stage, "enrol", "no device yet: enrolment");
});

test("throttling: unknown and known addresses slow down alike; 100 failures lock; the lock says nothing", async () => {
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { getDb } = await import("@/lib/db/client");
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  const base = 10_000;
  for (const email of ["plain@flow.test", "ghost@flow.test"]) {
    const ctx = { ...ACTOR, ip: email.startsWith("ghost") ? "198.51.100.1" : "198.51.100.2" };
    for (let i = 0; i < 5; i++) {
      await assert.rejects(beginPasswordSignIn({ email, password: "wrong wrong wrong" }, ctx, at(base)), { code: "invalid_credentials" });
    }
    await assert.rejects(beginPasswordSignIn({ email, password: PASSWORD }, ctx, at(base)), { code: "rate_limited" }, `${email} is slowed`);
    await assert.rejects(beginPasswordSignIn({ email, password: "wrong wrong wrong" }, ctx, at(base + 2)), { code: "invalid_credentials" });
    await assert.rejects(
      beginPasswordSignIn({ email, password: "x" }, ctx, at(base + 3)),
      { code: "rate_limited" },
      "the delay grew to 2 s",
    );
  }
  const later = at(base + 2 * 3600); // counters forget after an hour without failures

  await getDb().user.update({ where: { email: "plain@flow.test" }, data: { failedLoginCount: 99 } });
  await assert.rejects(
    beginPasswordSignIn({ email: "plain@flow.test", password: "wrong wrong wrong" }, { ...ACTOR, ip: "203.0.113.1" }, later),
    {
      code: "invalid_credentials",
    },
  );
  assert.equal((await getDb().user.findUnique({ where: { email: "plain@flow.test" } }))!.status, "locked");
  await assert.rejects(beginPasswordSignIn({ email: "plain@flow.test", password: PASSWORD }, { ...ACTOR, ip: "203.0.113.2" }, later), {
    code: "invalid_credentials",
    message: "The email address or password is not right.",
  });
  await setUserStatus("plain@flow.test", "unlock", ACTOR);
  assert.notEqual(
    (await beginPasswordSignIn({ email: "plain@flow.test", password: PASSWORD }, { ...ACTOR, ip: "203.0.113.3" }, later)).stage,
    undefined,
  );
});

test("enrolment at sign-in: five parallel confirmations with one code turn the device on once; the code is then spent", async () => {
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { startEnrolmentAtSignIn, confirmEnrolmentAtSignIn } = await import("@/lib/auth/enrol-at-sign-in");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { createUser } = await import("@/lib/users/create-user");
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser({ email: "newbie@enrol.test", password: PASSWORD, createDomain: true }, ACTOR);
  await setPolicy({ domain: "enrol.test" }, "WebUI", { twoFactorPolicy: 1 }, ACTOR);
  const now = at(300);
  const { ticket, stage } = await beginPasswordSignIn({ email: "newbie@enrol.test", password: PASSWORD }, ACTOR, now);
  assert.equal(stage, "enrol");
  const device = await startEnrolmentAtSignIn(ticket, { label: "Phone" }, ACTOR, now);
  const code = computeTotp(device.secret, { algorithm: "SHA1", digits: 6, period: 30 }, now.getTime());
  const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => confirmEnrolmentAtSignIn(ticket, device.deviceId, code, ACTOR, now)));
  const succeeded = results.filter((r) => r.status === "fulfilled");
  assert.equal(succeeded.length, 1, JSON.stringify(results.map((r) => r.status)));
  const enabled = await getDb().auditEvent.count({ where: { subjectId: user.id, action: "totp.enable", result: "success" } });
  assert.equal(enabled, 1, "the device was turned on once, so the recovery codes shown are the ones stored");
  const shown = (succeeded[0] as PromiseFulfilledResult<{ recoveryCodes: string[] | null }>).value.recoveryCodes!;
  assert.equal(await getDb().recoveryCode.count({ where: { userId: user.id } }), 12);
  assert.ok(await completeSignIn(ticket, ACTOR, now), "the ticket is ready once");
  assert.equal(await completeSignIn(ticket, ACTOR, now), null);
  assert.deepEqual(await verifySecondFactor(user.id, code, ACTOR, at(301)), { ok: false }, "the code is spent");
  assert.deepEqual(await verifySecondFactor(user.id, shown[0], ACTOR, at(302)), { ok: true, method: "recovery" });
});
