import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// The admin console's overview (issue 13): each figure from grouped or counted queries.

const PASSWORD = "plenty long passphrase for tests";

test("the overview counts accounts by status, who still lacks a required second factor, credentials per service, pending links and SAML domains", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  const { setDomainTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { createAuthLink } = await import("@/lib/auth-links/create-auth-link");
  const { updateSamlKey } = await import("@/lib/saml/update-saml-key");
  const { getDashboardSummary } = await import("@/lib/dashboard/get-dashboard-summary");
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  const now = new Date(Date.UTC(2026, 11, 4, 12, 0, 0));

  const ann = await createUser({ email: "ann@overview.test", password: PASSWORD, createDomain: true }, ACTOR);
  const bob = await createUser({ email: "bob@overview.test", password: PASSWORD }, ACTOR);
  await createUser({ email: "cy@overview.test", password: PASSWORD }, ACTOR);
  await createUser({ email: "dee@elsewhere.test", password: PASSWORD, createDomain: true }, ACTOR);
  await setUserStatus(bob.id, "disable", ACTOR);
  await setDomainTwoFactorRequired("overview.test", { required: true, graceDays: 7 }, ACTOR, now);
  for (const [id, services] of [
    ["c1", "IMAP,SMTP"],
    ["c2", "IMAP"],
    ["c3", "EAS"],
  ]) {
    await db.credential.create({ data: { id, userId: ann.id, label: id, services, algorithm: "HMAC-SHA256" } });
  }
  await createAuthLink({ userId: "dee@elsewhere.test" }, ACTOR, now);
  await updateSamlKey("elsewhere.test", "idp.entityid", "https://idp.elsewhere.test/metadata", ACTOR);

  const summary = await getDashboardSummary(now);
  assert.deepEqual(summary.users, { active: 3, locked: 0, disabled: 1 });
  assert.equal(summary.enrolment.count, 2, "ann and cy: the domain requires 2FA; bob is disabled; dee's domain does not");
  assert.deepEqual(
    summary.enrolment.first.map((u) => [u.email, u.deadline.toISOString()]),
    [
      ["ann@overview.test", new Date(now.getTime() + 7 * 86_400_000).toISOString()],
      ["cy@overview.test", new Date(now.getTime() + 7 * 86_400_000).toISOString()],
    ].sort(),
  );
  assert.deepEqual(summary.credentialsByService, [
    { service: "IMAP", count: 2 },
    { service: "EAS", count: 1 },
    { service: "SMTP", count: 1 },
  ]);
  assert.equal(summary.pendingAuthLinks, 1);
  assert.deepEqual(summary.saml, [{ domain: "elsewhere.test", fromUrl: false, lastRefreshAt: null, lastRefreshError: null }]);
});

test("an account in several of the must-enrol sets counts once; one with an enabled authenticator app, or locked, not at all", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { setDomainTwoFactorRequired, setUserTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { setAdminsRequireTwoFactor } = await import("@/lib/two-factor/requirements/admin-two-factor-setting");
  const { getDashboardSummary } = await import("@/lib/dashboard/get-dashboard-summary");
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  const now = new Date(Date.UTC(2026, 11, 5, 12, 0, 0));
  // The first test's accounts are still here: count from where they leave it.
  await setAdminsRequireTwoFactor(true, ACTOR, now);
  const before = (await getDashboardSummary(now)).enrolment.count;
  await setAdminsRequireTwoFactor(false, ACTOR, now);
  assert.equal((await getDashboardSummary(now)).enrolment.count, before, "the first test made no admin");
  const make = (email: string, role: "admin" | "user" = "user") =>
    createUser({ email, password: PASSWORD, role, createDomain: true }, ACTOR);

  // strict.test requires 2FA; loose.test does not.
  const everything = await make("all-three@strict.test", "admin"); // admin, required by name, strict domain
  await make("domain-only@strict.test");
  const named = await make("named@loose.test");
  await make("admin@loose.test", "admin");
  const enrolled = await make("enrolled@strict.test", "admin");
  const locked = await make("locked@strict.test");
  await make("free@loose.test");
  await setDomainTwoFactorRequired("strict.test", { required: true, graceDays: 3 }, ACTOR, now);
  await setUserTwoFactorRequired(everything.id, true, ACTOR, now);
  await setUserTwoFactorRequired(named.id, true, ACTOR, now);
  await db.user.update({ where: { id: locked.id }, data: { status: "locked" } }); // as 100 failures would
  await db.totpDevice.create({ data: { userId: enrolled.id, label: "Phone", secretEnc: "x", enabled: true } });
  // A device never confirmed does not count as a second factor.
  await db.totpDevice.create({ data: { userId: everything.id, label: "Unconfirmed", secretEnc: "x", enabled: false } });

  const listed = async () => {
    const { enrolment } = await getDashboardSummary(now);
    const emails = enrolment.first.map((u) => u.email);
    assert.equal(new Set(emails).size, emails.length, "nobody is listed twice");
    for (const never of ["enrolled@strict.test", "locked@strict.test", "free@loose.test"]) assert.ok(!emails.includes(never), never);
    return enrolment.count;
  };
  await setAdminsRequireTwoFactor(true, ACTOR, now);
  assert.equal(await listed(), before + 4, "all-three, domain-only, named and admin@loose.test");
  await setAdminsRequireTwoFactor(false, ACTOR, now);
  assert.equal(await listed(), before + 3, "admin@loose.test needs one only as an administrator");
});
