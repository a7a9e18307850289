import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// Administrators need a second factor: on by default for a new installation, with the grace rules
// of the other requirements (the domain's grace days from the start of the requirement).
const PASSWORD = "a keeper of the keys";
const DAY = 24 * 60 * 60 * 1000;

async function lib() {
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { twoFactorRequirement, twoFactorRequirementDetails } = await import("@/lib/two-factor/requirements/two-factor-requirement");
  const settings = await import("@/lib/two-factor/requirements/admin-two-factor-setting");
  return { db: getDb(), createUser, beginPasswordSignIn, twoFactorRequirement, twoFactorRequirementDetails, ...settings };
}

test("a new installation requires a second factor of administrators: enrolment within the grace, refusal after it", async () => {
  const { db, createUser, beginPasswordSignIn, twoFactorRequirement, twoFactorRequirementDetails, adminsRequireTwoFactor } = await lib();
  assert.equal(await db.setting.findUnique({ where: { key: "twoFactor.requireAdmins" } }), null, "the migration wrote nothing");
  assert.equal(await adminsRequireTwoFactor(), true);

  const admin = await createUser({ email: "root@fresh.test", password: PASSWORD, role: "admin", createDomain: true }, ACTOR);
  const user = await createUser({ email: "pat@fresh.test", password: PASSWORD }, ACTOR);
  const created = admin.createdAt;
  const deadline = new Date(created.getTime() + 7 * DAY); // the domain's default grace: 7 days
  assert.deepEqual(await twoFactorRequirement(admin.id, created), { required: true, graceEndsAt: deadline, inGrace: true });
  assert.equal((await twoFactorRequirementDetails(admin.id, created)).adminRequires, true);
  assert.equal((await twoFactorRequirement(user.id, created)).required, false, "other accounts are not affected");

  const signIn = (email: string, at: Date) => beginPasswordSignIn({ email, password: PASSWORD }, ACTOR, at);
  assert.equal((await signIn("root@fresh.test", new Date(created.getTime() + DAY))).stage, "enrol");
  assert.equal((await signIn("pat@fresh.test", new Date(created.getTime() + DAY))).stage, "ready");
  await assert.rejects(signIn("root@fresh.test", deadline), { code: "forbidden" }, "grace over: refused");
});

test("switching it off lets administrators in without a device; on again, the grace runs from the switch", async () => {
  const { db, createUser, beginPasswordSignIn, twoFactorRequirement, setAdminsRequireTwoFactor, getAdminTwoFactorSettings } = await lib();
  const admin = await createUser({ email: "ops@switch.test", password: PASSWORD, role: "admin", createDomain: true }, ACTOR);
  const long = new Date(admin.createdAt.getTime() + 30 * DAY);
  await assert.rejects(beginPasswordSignIn({ email: "ops@switch.test", password: PASSWORD }, ACTOR, long), { code: "forbidden" });

  const off = await setAdminsRequireTwoFactor(false, ACTOR, long);
  assert.equal(off.required, false);
  assert.equal(off.adminCount, 2, "root@fresh.test and ops@switch.test");
  assert.equal(off.adminsWithoutDevice, 2);
  assert.equal((await beginPasswordSignIn({ email: "ops@switch.test", password: PASSWORD }, ACTOR, long)).stage, "ready");
  assert.equal((await db.setting.findUniqueOrThrow({ where: { key: "twoFactor.requireAdmins" } })).value, "false");

  const t1 = new Date(long.getTime() + DAY);
  await setAdminsRequireTwoFactor(true, ACTOR, t1);
  assert.equal((await getAdminTwoFactorSettings()).required, true);
  assert.deepEqual(await twoFactorRequirement(admin.id, t1), {
    required: true,
    graceEndsAt: new Date(t1.getTime() + 7 * DAY),
    inGrace: true,
  });
  assert.equal((await beginPasswordSignIn({ email: "ops@switch.test", password: PASSWORD }, ACTOR, t1)).stage, "enrol");

  const audits = await db.auditEvent.findMany({
    where: { action: "policy.admin_2fa_requirement" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  assert.deepEqual(
    audits.map((a) => JSON.parse(a.details)),
    [
      { required: false, previous: true, usersChanged: 0 },
      { required: true, previous: false, usersChanged: 2 },
    ],
  );
});

test("a domain's requirement switched off leaves an administrator's grace alone; an admin keeps the last device", async () => {
  const { db, createUser, twoFactorRequirement } = await lib();
  const { setDomainTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { deleteTotpDevice } = await import("@/lib/two-factor/devices/delete-totp-device");
  const admin = await createUser({ email: "lead@both.test", password: PASSWORD, role: "admin", createDomain: true }, ACTOR);
  const start = async () => (await db.user.findUniqueOrThrow({ where: { id: admin.id } })).twoFactorRequiredAt;
  assert.equal(await start(), null, "created under the requirement: the grace runs from creation");
  await setDomainTwoFactorRequired("both.test", { required: true }, ACTOR);
  assert.equal(await start(), null, "the domain's switch does not give the administrator a new grace");
  // As if the administrators' setting had been switched on at this time:
  const switchedOn = new Date("2031-01-01T00:00:00Z");
  await db.user.update({ where: { id: admin.id }, data: { twoFactorRequiredAt: switchedOn } });
  await setDomainTwoFactorRequired("both.test", { required: false }, ACTOR);
  assert.equal((await start())?.getTime(), switchedOn.getTime(), "the domain's switch-off keeps the administrator's start");
  assert.equal((await twoFactorRequirement(admin.id)).required, true);

  const device = await provisionTotpDevice(admin.id, { options: {} }, ACTOR);
  await assert.rejects(deleteTotpDevice(admin.id, device.deviceId, ACTOR, { keepLastWhenRequired: true }), { code: "conflict" });
  assert.equal(await db.totpDevice.count({ where: { userId: admin.id } }), 1);
});
