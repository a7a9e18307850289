import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";
import { DAY, PASSWORD, lib, snapshot } from "./policy-fixtures";

useTestDatabase();

// The trusted-device lifetime and admin-required 2FA with its grace period.

// Made by the first test that needs them (a second top-level before() hook is not ordered after
// useTestDatabase's migration on every Node version).
let accounts: Promise<void> | undefined;
function ensureAccounts(): Promise<void> {
  accounts ??= (async () => {
    const { createUser } = await lib();
    await createUser({ email: "ann@pol.example", password: PASSWORD, createDomain: true }, ACTOR);
    await createUser({ email: "bo@other.example", password: PASSWORD, createDomain: true }, ACTOR);
  })();
  return accounts;
}
test("trusted-device lifetime: 30 days by default, 1 to 365 accepted, shortening caps devices already trusted", async () => {
  await ensureAccounts();
  const { getTrustedDeviceLifetimeDays, setTrustedDeviceLifetimeDays } = await import("@/lib/two-factor/policies/trusted-device-lifetime");
  const { db } = await lib();
  assert.equal(await getTrustedDeviceLifetimeDays(), 30);
  const before = await snapshot();
  for (const bad of [0, 366, -1, 1.5, Number.NaN]) {
    await assert.rejects(setTrustedDeviceLifetimeDays(bad, ACTOR), /whole number of days from 1 to 365/);
  }
  assert.deepEqual(await snapshot(), before);
  assert.equal(await getTrustedDeviceLifetimeDays(), 30);

  assert.equal(await setTrustedDeviceLifetimeDays(365, ACTOR), 365);
  assert.equal(await getTrustedDeviceLifetimeDays(), 365);

  const now = new Date("2030-01-01T00:00:00Z");
  const ann = await db.user.findUniqueOrThrow({ where: { email: "ann@pol.example" } });
  const long = await db.trustedDevice.create({
    data: { userId: ann.id, tokenHash: "a".repeat(64), expiresAt: new Date(now.getTime() + 300 * DAY) },
  });
  const short = await db.trustedDevice.create({
    data: { userId: ann.id, tokenHash: "b".repeat(64), expiresAt: new Date(now.getTime() + 2 * DAY) },
  });
  assert.equal(await setTrustedDeviceLifetimeDays(1, ACTOR, now), 1);
  assert.equal(await getTrustedDeviceLifetimeDays(), 1);
  const capped = await db.trustedDevice.findUniqueOrThrow({ where: { id: long.id } });
  assert.equal(capped.expiresAt.getTime(), now.getTime() + DAY);
  assert.equal((await db.trustedDevice.findUniqueOrThrow({ where: { id: short.id } })).expiresAt.getTime(), now.getTime() + DAY);
  await db.trustedDevice.deleteMany({ where: { userId: ann.id } });

  const audits = await db.auditEvent.findMany({
    where: { action: "policy.trusted_device_lifetime" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  assert.deepEqual(
    audits.map((a) => JSON.parse(a.details)),
    [
      { days: 365, previous: 30, capped: 0 },
      { days: 1, previous: 365, capped: 2 },
    ],
  );
});

test("requiring 2FA for one user: grace runs from the switch-on for the domain's grace days", async () => {
  await ensureAccounts();
  const { setUserTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { twoFactorRequirement } = await import("@/lib/two-factor/requirements/two-factor-requirement");
  const { db } = await lib();
  const ann = await db.user.findUniqueOrThrow({ where: { email: "ann@pol.example" } });
  assert.deepEqual(await twoFactorRequirement(ann.id), { required: false, graceEndsAt: null, inGrace: false });

  const t0 = new Date("2030-03-01T12:00:00Z");
  await setUserTwoFactorRequired("ANN@pol.example", true, ACTOR, t0);
  const deadline = new Date(t0.getTime() + 7 * DAY); // the domain's default 7 days
  assert.deepEqual(await twoFactorRequirement(ann.id, new Date(t0.getTime() + 6 * DAY)), {
    required: true,
    graceEndsAt: deadline,
    inGrace: true,
  });
  assert.deepEqual(await twoFactorRequirement(ann.id, deadline), { required: true, graceEndsAt: deadline, inGrace: false });

  // Saying it again later does not restart the grace period.
  await setUserTwoFactorRequired(ann.id, true, ACTOR, new Date(t0.getTime() + 5 * DAY));
  assert.equal((await twoFactorRequirement(ann.id, t0)).graceEndsAt?.getTime(), deadline.getTime());

  await setUserTwoFactorRequired(ann.id, false, ACTOR, t0);
  assert.deepEqual(await twoFactorRequirement(ann.id, t0), { required: false, graceEndsAt: null, inGrace: false });
  // Switched on again: a new grace period.
  const t1 = new Date("2030-06-01T00:00:00Z");
  await setUserTwoFactorRequired(ann.id, true, ACTOR, t1);
  assert.equal((await twoFactorRequirement(ann.id, t1)).graceEndsAt?.getTime(), t1.getTime() + 7 * DAY);
  await setUserTwoFactorRequired(ann.id, false, ACTOR, t1);

  await assert.rejects(setUserTwoFactorRequired("nobody@pol.example", true, ACTOR), /User not found/);
  const audits = await db.auditEvent.findMany({
    where: { action: "user.2fa_requirement", subjectId: ann.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  assert.deepEqual(
    audits.map((a) => JSON.parse(a.details).required),
    [true, true, false, true, false],
  );
  assert.ok(audits.every((a) => a.subjectEmail === "ann@pol.example" && a.actorEmail === ACTOR.email));
});

test("requiring 2FA for a domain: existing accounts get the grace from now, new ones from their creation", async () => {
  await ensureAccounts();
  const { setDomainTwoFactorRequired, setUserTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { twoFactorRequirement, twoFactorRequirementDetails } = await import("@/lib/two-factor/requirements/two-factor-requirement");
  const { getDomainTwoFactorSettings } = await import("@/lib/two-factor/requirements/domain-two-factor-settings");
  const { db, createUser } = await lib();
  const ann = await db.user.findUniqueOrThrow({ where: { email: "ann@pol.example" } });
  const bo = await db.user.findUniqueOrThrow({ where: { email: "bo@other.example" } });

  const before = await snapshot();
  await assert.rejects(
    setDomainTwoFactorRequired("pol.example", { required: true, graceDays: 91 }, ACTOR),
    /Grace days must be a whole number from 0 to 90/,
  );
  await assert.rejects(setDomainTwoFactorRequired("pol.example", { required: true, graceDays: -1 }, ACTOR), /from 0 to 90/);
  await assert.rejects(setDomainTwoFactorRequired("nowhere.example", { required: true }, ACTOR), /nowhere\.example does not exist/);
  assert.deepEqual(await snapshot(), before);
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: ann.id } })).twoFactorRequiredAt, null);

  const t0 = new Date("2031-01-10T08:00:00Z");
  await setDomainTwoFactorRequired("Pol.Example", { required: true, graceDays: 3 }, ACTOR, t0);
  const annReq = await twoFactorRequirement(ann.id, new Date(t0.getTime() + 2 * DAY));
  assert.deepEqual(annReq, { required: true, graceEndsAt: new Date(t0.getTime() + 3 * DAY), inGrace: true });
  assert.equal((await twoFactorRequirement(ann.id, new Date(t0.getTime() + 3 * DAY + 1))).inGrace, false);
  assert.equal((await twoFactorRequirement(bo.id, t0)).required, false, "other domains are not affected");

  const details = await twoFactorRequirementDetails(ann.id, t0);
  assert.equal(details.domainRequires, true);
  assert.equal(details.userRequires, false);
  assert.equal(details.graceDays, 3);

  // A user created while the requirement is on: grace from their creation.
  const cy = await createUser({ email: "cy@pol.example", password: PASSWORD }, ACTOR);
  const cyReq = await twoFactorRequirement(cy.id, cy.createdAt);
  assert.equal(cyReq.graceEndsAt?.getTime(), cy.createdAt.getTime() + 3 * DAY);
  assert.equal(cyReq.inGrace, true);
  // Requiring it for cy as well does not give cy a fresh grace period.
  await setUserTwoFactorRequired(cy.id, true, ACTOR, new Date(cy.createdAt.getTime() + 10 * DAY));
  assert.equal((await twoFactorRequirement(cy.id)).graceEndsAt?.getTime(), cy.createdAt.getTime() + 3 * DAY);

  // Changing grace days while on keeps the start; switching the domain on again does not restart it.
  await setDomainTwoFactorRequired("pol.example", { required: true, graceDays: 10 }, ACTOR, new Date(t0.getTime() + 5 * DAY));
  assert.equal((await twoFactorRequirement(ann.id)).graceEndsAt?.getTime(), t0.getTime() + 10 * DAY);

  const settings = await getDomainTwoFactorSettings("pol.example");
  assert.deepEqual(settings, { domain: "pol.example", required: true, graceDays: 10, userCount: 2, usersWithoutDevice: 2 });

  // Off: nobody in the domain is required any more, except by their own flag.
  const t1 = new Date("2031-02-01T00:00:00Z");
  await setDomainTwoFactorRequired("pol.example", { required: false }, ACTOR, t1);
  assert.equal((await twoFactorRequirement(ann.id, t1)).required, false);
  assert.equal((await twoFactorRequirement(cy.id, t1)).required, true, "cy's own requirement stays");
  // On again later: a new grace period for those without one running.
  const t2 = new Date("2031-03-01T00:00:00Z");
  await setDomainTwoFactorRequired("pol.example", { required: true, graceDays: 0 }, ACTOR, t2);
  assert.deepEqual(
    await twoFactorRequirement(ann.id, t2),
    { required: true, graceEndsAt: t2, inGrace: false },
    "0 grace days: no grace at all",
  );

  const audits = await db.auditEvent.findMany({
    where: { action: "domain.2fa_requirement" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  assert.deepEqual(
    audits.map((a) => JSON.parse(a.details)),
    [
      { domain: "pol.example", required: true, previous: false, graceDays: 3, usersChanged: 1 },
      { domain: "pol.example", required: true, previous: true, graceDays: 10, usersChanged: 0 },
      { domain: "pol.example", required: false, previous: true, graceDays: 10, usersChanged: 1 },
      { domain: "pol.example", required: true, previous: false, graceDays: 0, usersChanged: 1 },
    ],
  );
});
