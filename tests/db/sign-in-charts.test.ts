import { after, test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";
import { GATE_KEY, PASSWORD, clock, gateLib, startTestGate } from "./gate-support";
import { askGate, authHttpHeaders } from "../gate-client";

useTestDatabase();

// The dashboard's sign-in charts and security watch (issue 13): real sign-ins (web and gate) are
// counted per hour, way in and result; the series buckets them; failures of the last hour are
// grouped by IP and address; admin-made credentials and locks are listed, people's own are not.

async function lib() {
  const { createUser } = await import("@/lib/users/create-user");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const tally = await import("@/lib/activity/sign-in-tally");
  const { getSignInSeries } = await import("@/lib/dashboard/get-sign-in-series");
  const { getSecurityWatch } = await import("@/lib/dashboard/get-security-watch");
  const { getDb } = await import("@/lib/db/client");
  return { createUser, beginPasswordSignIn, completeSignIn, ...tally, getSignInSeries, getSecurityWatch, db: getDb() };
}

let gate: Awaited<ReturnType<typeof startTestGate>> | undefined;
after(() => gate?.close());

test("web sign-ins and gate logins appear in the series by result and by way in, in the hour they happened", async () => {
  const { createUser, beginPasswordSignIn, completeSignIn, flushSignInTally, getSignInSeries } = await lib();
  await createUser({ email: "carol@charts.test", password: PASSWORD, createDomain: true }, ACTOR);
  const before = await getSignInSeries("24h");
  const client = { ip: "127.0.0.31", userAgent: "node-test" };
  for (let i = 0; i < 2; i++)
    assert.ok(await completeSignIn((await beginPasswordSignIn({ email: "carol@charts.test", password: PASSWORD }, client)).ticket, client));
  await assert.rejects(beginPasswordSignIn({ email: "nobody@charts.test", password: "not the password at all" }, { ip: "127.0.0.32" }));

  clock.t = Date.now(); // the gate's clock: now, so web and gate sign-ins share the current hour
  gate = await startTestGate();
  const { createCredential } = await gateLib();
  const { secret } = await createCredential({ account: "carol@charts.test", label: "mail", services: "imap" }, ACTOR);
  const imap = (pass: string, ip: string) =>
    askGate(gate!.port, "/auth", authHttpHeaders(GATE_KEY, { user: "carol@charts.test", pass, protocol: "imap", ip }));
  for (let i = 0; i < 3; i++) assert.equal((await imap(secret, "127.0.0.33")).headers["auth-status"], "OK");
  assert.notEqual((await imap("a wrong mail password", "127.0.0.34")).headers["auth-status"], "OK");

  // Nothing is written until the flush: counting costs a sign-in no query.
  const { db } = await lib();
  await flushSignInTally();
  const series = await getSignInSeries("24h");
  assert.equal(series.buckets.length, 24);
  assert.deepEqual(
    { success: series.total.success - before.total.success, failure: series.total.failure - before.total.failure },
    { success: 2 + 3, failure: 1 + 1 },
    "two web sign-ins and three IMAP logins; a wrong password on each side",
  );
  const hour = series.buckets.at(-1)!;
  assert.equal(hour.byMethod.password - before.buckets.at(-1)!.byMethod.password, 3, "both sign-ins and the wrong password");
  assert.equal(hour.byMethod.imap, 4);
  assert.deepEqual(series.methods, ["password", "imap"]);
  // The gate's successes are counted though never audited (a row per mail login).
  assert.equal(await db.auditEvent.count({ where: { action: "gate.login", result: "success" } }), 0);
});

test("counts hold exactly when many sign-ins are counted while flushes run", async () => {
  const { tallySignIn, flushSignInTally, getSignInSeries } = await lib();
  const at = new Date("2026-11-02T10:30:00Z");
  const flushes: Promise<void>[] = [];
  for (let i = 0; i < 300; i++) {
    tallySignIn({ method: "smtp", result: i % 3 === 0 ? "failure" : "success" }, at);
    if (i % 40 === 0) flushes.push(flushSignInTally());
  }
  flushes.push(flushSignInTally(), flushSignInTally());
  await Promise.all(flushes);
  await flushSignInTally();
  const series = await getSignInSeries("24h", new Date("2026-11-02T12:00:00Z"));
  assert.deepEqual(series.total, { success: 200, failure: 100 });
  assert.deepEqual(series.methods, ["smtp"]);
});

test("the 24-hour series is hourly up to the current hour; the 7-day series has 6-hour buckets on UTC 00/06/12/18", async () => {
  const { tallySignIn, flushSignInTally, getSignInSeries } = await lib();
  const now = new Date("2026-10-10T13:20:00Z");
  const count = (iso: string, method: "otp" | "saml", n: number) => {
    for (let i = 0; i < n; i++) tallySignIn({ method, result: "success" }, new Date(iso));
  };
  count("2026-10-10T13:05:00Z", "otp", 1); // this hour: the last bucket
  count("2026-10-09T14:00:00Z", "otp", 2); // 23 hours ago: the first bucket
  count("2026-10-09T13:59:00Z", "saml", 4); // 24 hours ago: outside the day, inside the week
  count("2026-10-03T12:00:00Z", "saml", 8); // 7 days + 1 hour ago: in the week's first bucket (12:00–18:00)
  count("2026-10-03T11:59:00Z", "saml", 16); // before the week
  await flushSignInTally();

  const day = await getSignInSeries("24h", now);
  assert.equal(day.buckets[0].start.toISOString(), "2026-10-09T14:00:00.000Z");
  assert.equal(day.buckets.at(-1)!.start.toISOString(), "2026-10-10T13:00:00.000Z");
  assert.deepEqual([day.buckets[0].byMethod.otp, day.buckets.at(-1)!.byMethod.otp, day.total.success], [2, 1, 3]);
  assert.deepEqual(day.methods, ["otp"]);

  const week = await getSignInSeries("7d", now);
  assert.equal(week.buckets.length, 28);
  assert.equal(week.buckets[0].start.toISOString(), "2026-10-03T18:00:00.000Z");
  assert.equal(week.buckets.at(-1)!.start.toISOString(), "2026-10-10T12:00:00.000Z");
  assert.deepEqual(
    week.total,
    { success: 7, failure: 0 },
    "the 4 SAML of yesterday 13:59 and the 3 OTP; not the 8 of a week ago nor older",
  );
});

test("the security watch groups last hour's failures by IP and address, and lists locks and admin-made credentials only", async () => {
  const { createUser, getSecurityWatch, db } = await lib();
  const dave = await createUser({ email: "dave@watch.test", password: PASSWORD, createDomain: true }, ACTOR);
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const failure = (ip: string, subjectEmail: string, createdAt: Date, action = "login.password") =>
    db.auditEvent.create({ data: { action, result: "failure", ip, subjectEmail, createdAt } });
  await failure("203.0.113.7", "dave@watch.test", ago(5));
  await failure("203.0.113.7", "dave@watch.test", ago(10), "gate.login");
  await failure("203.0.113.7", "nobody@watch.test", ago(50), "2fa.verify");
  await failure("203.0.113.8", "dave@watch.test", ago(20), "auth_link.use");
  await failure("203.0.113.9", "eve@watch.test", ago(70)); // over an hour ago
  await db.auditEvent.create({
    data: { action: "user.password.change", result: "failure", ip: "203.0.113.10", subjectEmail: "dave@watch.test" },
  });
  await db.auditEvent.createMany({
    data: [
      { action: "credential.create", result: "success", actorId: dave.id, subjectId: dave.id, subjectEmail: dave.email, createdAt: ago(3) },
      {
        action: "credential.create",
        result: "success",
        actorId: "admin-1",
        actorEmail: "admin@watch.test",
        subjectId: dave.id,
        subjectEmail: dave.email,
        createdAt: ago(2),
      },
      { action: "user.lock", result: "success", subjectId: dave.id, subjectEmail: dave.email, createdAt: ago(1) },
    ],
  });

  const watch = await getSecurityWatch(now);
  // Other tests' sign-ins of this hour are there too: look at this test's addresses.
  watch.topIps = watch.topIps.filter((r) => r.key.startsWith("203.0.113."));
  watch.topAccounts = watch.topAccounts.filter((r) => r.key.endsWith("@watch.test"));
  assert.deepEqual(watch.topIps, [
    { key: "203.0.113.7", count: 3 },
    { key: "203.0.113.8", count: 1 },
  ]);
  assert.deepEqual(watch.topAccounts, [
    { key: "dave@watch.test", count: 3 },
    { key: "nobody@watch.test", count: 1 },
  ]);
  assert.deepEqual(
    watch.recent.filter((e) => e.subjectId === dave.id).map((e) => [e.action, e.actorEmail]),
    [
      ["user.lock", null],
      ["credential.create", "admin@watch.test"],
    ],
  );
});
