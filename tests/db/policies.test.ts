import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";
import { PASSWORD, lib, domainId, snapshot } from "./policy-fixtures";

useTestDatabase();

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
