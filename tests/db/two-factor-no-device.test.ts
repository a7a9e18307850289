import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// A user who must use a second factor but has no device is never let in by a trusted IP range, an
// IP they trusted, or a trusted-device cookie: only enrolment (or refusal after the grace period).
const PASSWORD = "a lantern on the pier";
const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2031-07-01T09:00:00Z");
const IN_RANGE = "192.0.2.7";
const ELSEWHERE = "198.51.100.9";

async function lib() {
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  const { decideSecondFactor } = await import("@/lib/two-factor/decide-second-factor");
  const { trustDevice } = await import("@/lib/trusted-devices/trust-device");
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  return { db: getDb(), createUser, setPolicy, decideSecondFactor, trustDevice, provisionTotpDevice };
}

/** An account in its own domain, with a trusted-device cookie made at ELSEWHERE (and an optional device). */
async function account(email: string, opts: { device?: boolean } = {}) {
  const { db, createUser, trustDevice, provisionTotpDevice } = await lib();
  const created = await createUser({ email, password: PASSWORD, createDomain: true }, ACTOR);
  const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, domainId: true } });
  if (opts.device) await provisionTotpDevice(user.id, { options: {} }, ACTOR, T0);
  const { token } = await db.$transaction((tx) =>
    trustDevice(tx, { userId: user.id, description: "Firefox on Linux", ip: ELSEWHERE, lifetimeDays: 30 }, T0),
  );
  return { user, token, domain: email.split("@")[1] };
}

test("no device under policy 1: neither a trusted range nor an IP the user trusted skips enrolment", async () => {
  const { setPolicy, decideSecondFactor } = await lib();
  const { user, domain } = await account("nd1@range.test");
  await setPolicy({ domain }, "WebUI", { twoFactorPolicy: 1, trustedIpRanges: "192.0.2.0/24" }, ACTOR);
  const decide = (ip: string) => decideSecondFactor({ userId: user.id, domainId: user.domainId, ip }, T0);
  assert.deepEqual(await decide(IN_RANGE), { stage: "enrol" }, "a trusted range");
  assert.deepEqual(await decide(ELSEWHERE), { stage: "enrol" }, "an IP the user once trusted");

  // The same with a device: both skip the code, as policy 1 says.
  const withDevice = await account("wd1@range2.test", { device: true });
  await setPolicy({ domain: withDevice.domain }, "WebUI", { twoFactorPolicy: 1, trustedIpRanges: "192.0.2.0/24" }, ACTOR);
  const decideWith = (ip: string) => decideSecondFactor({ userId: withDevice.user.id, domainId: withDevice.user.domainId, ip }, T0);
  assert.deepEqual(await decideWith(IN_RANGE), { stage: "ready", skippedBy: "trusted_ip" });
  assert.deepEqual(await decideWith(ELSEWHERE), { stage: "ready", skippedBy: "trusted_ip" });
  assert.deepEqual(await decideWith("203.0.113.1"), { stage: "otp" });
});

test("no device under policy 2: a trusted-device cookie does not skip enrolment", async () => {
  const { setPolicy, decideSecondFactor } = await lib();
  const { user, token, domain } = await account("nd2@device.test");
  await setPolicy({ domain }, "WebUI", { twoFactorPolicy: 2 }, ACTOR);
  assert.deepEqual(await decideSecondFactor({ userId: user.id, domainId: user.domainId, ip: ELSEWHERE, trustedDeviceToken: token }, T0), {
    stage: "enrol",
  });
  const withDevice = await account("wd2@device2.test", { device: true });
  await setPolicy({ domain: withDevice.domain }, "WebUI", { twoFactorPolicy: 2 }, ACTOR);
  assert.deepEqual(
    await decideSecondFactor(
      { userId: withDevice.user.id, domainId: withDevice.user.domainId, ip: ELSEWHERE, trustedDeviceToken: withDevice.token },
      T0,
    ),
    { stage: "ready", skippedBy: "trusted_device" },
  );
});

test("no device under an admin's requirement: a cookie or a trusted range never skips it, and after the grace it is refused", async () => {
  const { setPolicy, decideSecondFactor } = await lib();
  const { setUserTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { user, token, domain } = await account("nd3@required.test");
  await setUserTwoFactorRequired(user.id, true, ACTOR, T0);
  const decide = (ip: string, at: Date) =>
    decideSecondFactor({ userId: user.id, domainId: user.domainId, ip, trustedDeviceToken: token }, at);
  const inGrace = new Date(T0.getTime() + 6 * DAY);
  const overdue = new Date(T0.getTime() + 7 * DAY); // the domain's default grace: 7 days
  assert.deepEqual(await decide(ELSEWHERE, inGrace), { stage: "enrol" }, "policy 0 with a cookie");
  assert.deepEqual(await decide(ELSEWHERE, overdue), { refused: "enrolment_overdue" });
  await setPolicy({ domain }, "WebUI", { twoFactorPolicy: 1, trustedIpRanges: "192.0.2.0/24" }, ACTOR);
  assert.deepEqual(await decide(IN_RANGE, inGrace), { stage: "enrol" }, "policy 1 in the range");
  assert.deepEqual(await decide(IN_RANGE, overdue), { refused: "enrolment_overdue" });
  await setPolicy({ domain }, "WebUI", { twoFactorPolicy: 2 }, ACTOR);
  assert.deepEqual(await decide(ELSEWHERE, overdue), { refused: "enrolment_overdue" }, "policy 2 with a cookie");
});

test("nothing required and no device: sign-in needs no code (the cookie plays no part)", async () => {
  const { decideSecondFactor } = await lib();
  const { user, token } = await account("free@nothing.test");
  assert.deepEqual(await decideSecondFactor({ userId: user.id, domainId: user.domainId, ip: ELSEWHERE, trustedDeviceToken: token }, T0), {
    stage: "ready",
  });
});

test("deleting the last enabled device forgets the user's trusted devices; deleting one of two does not", async () => {
  const { db, provisionTotpDevice, trustDevice } = await lib();
  const { deleteTotpDevice } = await import("@/lib/two-factor/devices/delete-totp-device");
  const { user } = await account("two@devices.test");
  const other = await account("other@devices.test");
  const first = await provisionTotpDevice(user.id, { options: {} }, ACTOR, T0);
  const second = await provisionTotpDevice(user.id, { options: {} }, ACTOR, T0);
  await db.$transaction((tx) => trustDevice(tx, { userId: user.id, description: "Phone", ip: IN_RANGE, lifetimeDays: 30 }, T0));
  const trusted = () => db.trustedDevice.count({ where: { userId: user.id } });
  assert.equal(await trusted(), 2);

  const one = await deleteTotpDevice(user.id, first.deviceId, ACTOR);
  assert.equal(one.trustedDevicesForgotten, 0);
  assert.equal(await trusted(), 2, "another device remains: the trusted devices stay");

  const last = await deleteTotpDevice(user.id, second.deviceId, ACTOR);
  assert.equal(last.trustedDevicesForgotten, 2);
  assert.equal(await trusted(), 0);
  assert.equal(await db.trustedDevice.count({ where: { userId: other.user.id } }), 1, "other users keep theirs");
  const audits = await db.auditEvent.findMany({
    where: { action: "totp.delete", subjectId: user.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  assert.deepEqual(
    audits.map((a) => JSON.parse(a.details).trustedDevicesForgotten),
    [0, 2],
  );
});
