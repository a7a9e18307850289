import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = "plenty long passphrase";

async function lib() {
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { setPolicy } = await import("@/lib/policies/set-policy");
  const { clearPolicy } = await import("@/lib/policies/clear-policy");
  const { listPolicies } = await import("@/lib/policies/list-policies");
  const { resolvePolicy } = await import("@/lib/policies/resolve-policy");
  return { db: getDb(), createUser, setPolicy, clearPolicy, listPolicies, resolvePolicy };
}

async function domainId(name: string) {
  const { db } = await lib();
  return (await db.domain.findUniqueOrThrow({ where: { name } })).id;
}

/** Counts that must not move when a change is refused. */
async function snapshot() {
  const { db } = await lib();
  return {
    policies: await db.authPolicy.count(),
    audit: await db.auditEvent.count(),
    settings: await db.setting.count(),
    domains: JSON.stringify(
      await db.domain.findMany({ orderBy: { name: "asc" }, select: { name: true, require2fa: true, twoFactorGraceDays: true } }),
    ),
  };
}

test("no policy set: the default applies (no second factor, no ranges, IP may change)", async () => {
  const { createUser, resolvePolicy } = await lib();
  await createUser({ email: "ann@pol.example", password: PASSWORD, createDomain: true }, ACTOR);
  await createUser({ email: "bo@other.example", password: PASSWORD, createDomain: true }, ACTOR);
  const policy = await resolvePolicy(await domainId("pol.example"), "WebUI");
  assert.deepEqual(policy, { service: "WebUI", twoFactorPolicy: 0, trustedIpRanges: [], ipCanChange: true, source: "default" });
});

test("a domain policy overrides the global one for that domain only; clearing it falls back", async () => {
  const { setPolicy, clearPolicy, resolvePolicy, db } = await lib();
  const pol = await domainId("pol.example");
  const other = await domainId("other.example");
  await setPolicy({ scope: "global" }, "webui", { twoFactorPolicy: 1, trustedIpRanges: "10.0.0.0/8", ipCanChange: false }, ACTOR);
  const global = await resolvePolicy(pol, "WebUI");
  assert.equal(global.source, "global");
  assert.equal(global.twoFactorPolicy, 1);
  assert.deepEqual(
    global.trustedIpRanges.map((r) => r.cidr),
    ["10.0.0.0/8"],
  );
  assert.equal(global.ipCanChange, false);

  const view = await setPolicy({ domain: "POL.example" }, "WebUI", { twoFactorPolicy: 2 }, ACTOR);
  assert.deepEqual(view, {
    service: "WebUI",
    scope: "domain",
    domain: "pol.example",
    twoFactorPolicy: 2,
    trustedIpRanges: ["10.0.0.0/8"],
    ipCanChange: false,
  });
  const domain = await resolvePolicy(pol, "WebUI");
  assert.equal(domain.source, "domain");
  assert.equal(domain.twoFactorPolicy, 2);
  // Fields not given start from what applied before, so setting the policy did not drop the ranges.
  assert.deepEqual(
    domain.trustedIpRanges.map((r) => r.cidr),
    ["10.0.0.0/8"],
  );

  assert.equal((await resolvePolicy(other, "WebUI")).twoFactorPolicy, 1, "another domain still gets the global policy");
  assert.equal((await resolvePolicy(pol, "IMAP")).source, "default", "another service is unaffected");

  // A later global change does not leak into the domain's own row.
  await setPolicy({ scope: "global" }, "WebUI", { twoFactorPolicy: 0, trustedIpRanges: "" }, ACTOR);
  assert.equal((await resolvePolicy(pol, "WebUI")).twoFactorPolicy, 2);
  assert.equal((await resolvePolicy(other, "WebUI")).twoFactorPolicy, 0);

  assert.deepEqual(await clearPolicy({ domain: "pol.example" }, "webui", ACTOR), { service: "WebUI", scope: "pol.example", removed: true });
  const back = await resolvePolicy(pol, "WebUI");
  assert.equal(back.source, "global");
  assert.equal(back.twoFactorPolicy, 0);
  assert.equal(await db.authPolicy.count({ where: { scope: pol } }), 0);
});

test("trusted ranges are stored canonical, deduplicated, and match IPv4 and IPv6 clients", async () => {
  const { setPolicy, resolvePolicy, db } = await lib();
  const { ipInRanges } = await import("@/lib/net/cidr");
  const view = await setPolicy(
    { domain: "pol.example" },
    "EAS",
    { twoFactorPolicy: 1, trustedIpRanges: " 192.168.1.0/24 , 2001:DB8:0::/32,192.168.1.0/24,::ffff:10.1.0.0/112" },
    ACTOR,
  );
  assert.deepEqual(view.trustedIpRanges, ["192.168.1.0/24", "2001:db8::/32", "10.1.0.0/16"]);
  const row = await db.authPolicy.findUniqueOrThrow({ where: { scope_service: { scope: await domainId("pol.example"), service: "EAS" } } });
  assert.equal(row.trustedIpRanges, "192.168.1.0/24,2001:db8::/32,10.1.0.0/16");
  const policy = await resolvePolicy(await domainId("pol.example"), "EAS");
  assert.equal(ipInRanges("192.168.1.77", policy.trustedIpRanges), true);
  assert.equal(ipInRanges("::ffff:10.1.200.3", policy.trustedIpRanges), true);
  assert.equal(ipInRanges("2001:db8:ffff::1", policy.trustedIpRanges), true);
  assert.equal(ipInRanges("192.168.2.1", policy.trustedIpRanges), false);
});

test("bad input is refused with a clear message and writes nothing", async () => {
  const { setPolicy, clearPolicy } = await lib();
  const before = await snapshot();
  const refuses = async (p: Promise<unknown>, code: string, message: RegExp, field?: string) =>
    assert.rejects(p, (e: { code?: string; message: string; fieldErrors?: Record<string, string[]> }) => {
      assert.equal(e.code, code);
      assert.match(e.message, message);
      if (field) assert.ok(e.fieldErrors?.[field], `field error on ${field}`);
      return true;
    });
  await refuses(
    setPolicy({ scope: "global" }, "Telnet", { twoFactorPolicy: 1 }, ACTOR),
    "invalid_input",
    /Unknown service "Telnet"\. Valid services: WebUI, WebAdminUI, EAS, .*CLI\./,
    "service",
  );
  await refuses(
    setPolicy({ scope: "global" }, "WebUI", { twoFactorPolicy: 3 }, ACTOR),
    "invalid_input",
    /2fa_policy must be 0, 1 or 2/,
    "twoFactorPolicy",
  );
  await refuses(setPolicy({ scope: "global" }, "WebUI", { twoFactorPolicy: 1.5 }, ACTOR), "invalid_input", /must be 0, 1 or 2/);
  // The whole list is refused for one bad entry, and the message names that entry.
  await refuses(
    setPolicy({ domain: "pol.example" }, "WebUI", { twoFactorPolicy: 1, trustedIpRanges: "10.0.0.0/8,10.1.2.3/8" }, ACTOR),
    "invalid_input",
    /"10\.1\.2\.3\/8": host bits are set; did you mean 10\.0\.0\.0\/8\?/,
    "trustedIpRanges",
  );
  await refuses(
    setPolicy({ scope: "global" }, "WebUI", { trustedIpRanges: "300.1.1.1/32" }, ACTOR),
    "invalid_input",
    /"300\.1\.1\.1\/32": not an IPv4 or IPv6 address/,
  );
  await refuses(
    setPolicy({ scope: "global" }, "WebUI", { trustedIpRanges: "10.0.0.0/33" }, ACTOR),
    "invalid_input",
    /prefix length must be 0 to 32/,
  );
  await refuses(
    setPolicy({ domain: "nowhere.example" }, "WebUI", { twoFactorPolicy: 1 }, ACTOR),
    "not_found",
    /nowhere\.example does not exist/,
    "domain",
  );
  await refuses(setPolicy({ domain: "not a domain" }, "WebUI", { twoFactorPolicy: 1 }, ACTOR), "invalid_input", /not a domain name/);
  await refuses(setPolicy({ scope: "global" }, "WebUI", {}, ACTOR), "invalid_input", /Nothing to change/);
  await refuses(clearPolicy({ domain: "nowhere.example" }, "WebUI", ACTOR), "not_found", /does not exist/);
  assert.deepEqual(await snapshot(), before);
});

test("listing shows every service with what is set at the scope and what applies", async () => {
  const { setPolicy, listPolicies } = await lib();
  const { SERVICES } = await import("@/lib/services/services");
  await setPolicy({ scope: "global" }, "IMAP", { twoFactorPolicy: 1, trustedIpRanges: "10.0.0.0/8" }, ACTOR);
  const list = await listPolicies({ domain: "pol.example" });
  assert.equal(list.scope, "domain");
  assert.equal(list.domain, "pol.example");
  assert.deepEqual(
    list.policies.map((p) => p.service),
    [...SERVICES],
  );
  const imap = list.policies.find((p) => p.service === "IMAP")!;
  assert.equal(imap.explicit, null);
  assert.deepEqual(imap.applies, { twoFactorPolicy: 1, trustedIpRanges: ["10.0.0.0/8"], ipCanChange: true, source: "global" });
  const eas = list.policies.find((p) => p.service === "EAS")!;
  assert.equal(eas.explicit?.twoFactorPolicy, 1);
  assert.equal(eas.applies.source, "domain");
  const pop = list.policies.find((p) => p.service === "POP3")!;
  assert.equal(pop.applies.source, "default");

  const one = await listPolicies({ scope: "global" }, { service: "imap" });
  assert.deepEqual(one, {
    scope: "global",
    domain: null,
    policies: [
      {
        service: "IMAP",
        explicit: { twoFactorPolicy: 1, trustedIpRanges: ["10.0.0.0/8"], ipCanChange: true },
        applies: { twoFactorPolicy: 1, trustedIpRanges: ["10.0.0.0/8"], ipCanChange: true, source: "global" },
      },
    ],
  });
  await assert.rejects(listPolicies({ scope: "global" }, { service: "gopher" }), /Valid services/);
});

test("policy changes are audited with the scope and the new values", async () => {
  const { db } = await lib();
  const rows = await db.auditEvent.findMany({
    where: { action: { in: ["policy.set", "policy.clear"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const details = rows.map((r) => ({ action: r.action, actor: r.actorEmail, ...JSON.parse(r.details) }));
  assert.deepEqual(
    details.map((d) => [d.action, d.scope, d.service, d.twoFactorPolicy]),
    [
      ["policy.set", "global", "WebUI", 1],
      ["policy.set", "pol.example", "WebUI", 2],
      ["policy.set", "global", "WebUI", 0],
      ["policy.clear", "pol.example", "WebUI", undefined],
      ["policy.set", "pol.example", "EAS", 1],
      ["policy.set", "global", "IMAP", 1],
    ],
  );
  assert.ok(details.every((d) => d.actor === ACTOR.email));
  assert.equal(details[4].trustedIpRanges, "192.168.1.0/24,2001:db8::/32,10.1.0.0/16");
});

test("trusted-device lifetime: 30 days by default, 1 to 365 accepted, shortening caps devices already trusted", async () => {
  const { getTrustedDeviceLifetimeDays, setTrustedDeviceLifetimeDays } = await import("@/lib/policies/trusted-device-lifetime");
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
  const { setUserTwoFactorRequired } = await import("@/lib/two-factor/set-two-factor-requirement");
  const { twoFactorRequirement } = await import("@/lib/two-factor/two-factor-requirement");
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
  const { setDomainTwoFactorRequired, setUserTwoFactorRequired } = await import("@/lib/two-factor/set-two-factor-requirement");
  const { twoFactorRequirement, twoFactorRequirementDetails } = await import("@/lib/two-factor/two-factor-requirement");
  const { getDomainTwoFactorSettings } = await import("@/lib/two-factor/domain-two-factor-settings");
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
