// Two instances on one PostgreSQL (issue 13): `npm start`'s command twice, at the same moment, on one fresh
// database with the same AUTH_SECRET and GATE_SECRET and separate DATA_DIRs, as behind a load
// balancer. Everything they must agree on lives in the database; this shows that it does.
// Runs in `npm test` after the build, when TEST_DATABASE_URL names a PostgreSQL server.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { askGate, authHttpHeaders } from "../gate-client";
import { actionId, Browser, ROOT, startInstance, waitHealthy, type Instance } from "./support";
import { pgAdmin } from "../../scripts/support/pg-admin";

const base = process.env.TEST_DATABASE_URL;
const skip = base ? false : "set TEST_DATABASE_URL=postgresql://… to run the two-instance test";

const dbName = `gh_test_instances_${randomBytes(4).toString("hex")}`;
const databaseUrl = base ? Object.assign(new URL(base), { pathname: `/${dbName}` }).toString() : "";
const AUTH_SECRET = randomBytes(32).toString("hex");
const GATE_SECRET = randomBytes(24).toString("hex");
const METRICS_TOKEN = randomBytes(24).toString("hex");
const dirs = [0, 1, 2].map(() => mkdtempSync(path.join(tmpdir(), "gatehouse-instance-")));
const PORTS = { a: { web: 3310, gate: 7310 }, b: { web: 3311, gate: 7311 } };
const ACTOR = { email: "two-instances-test", ip: "127.0.0.1", userAgent: "node-test" };
const PASSWORD = "Instances-pass-2026!";

let A: Instance;
let B: Instance;

function envOf(port: { web: number; gate: number }, dataDir: string): Record<string, string> {
  return {
    PORT: String(port.web),
    GATE_PORT: String(port.gate),
    PUBLIC_URL: `http://127.0.0.1:${port.web}`,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    GATE_SECRET,
    METRICS_TOKEN,
    GATE_IMAP_BACKEND: "127.0.0.1:1143",
    LOG_LEVEL: "info",
    SHUTDOWN_DELAY_SECONDS: "1",
  };
}

before(async () => {
  if (skip) return;
  await pgAdmin(base!, `CREATE DATABASE "${dbName}"`);
  // This process reaches the same database through lib/ to arrange accounts, as the CLI would.
  Object.assign(process.env, { DATABASE_URL: databaseUrl, AUTH_SECRET, GATE_SECRET, DATA_DIR: dirs[2], LOG_LEVEL: "error" });
  A = startInstance("A", envOf(PORTS.a, dirs[0]));
  B = startInstance("B", envOf(PORTS.b, dirs[1]));
  await Promise.all([waitHealthy(A), waitHealthy(B)]);
});

after(async () => {
  for (const i of [A, B]) if (i && i.child.exitCode === null) i.child.kill("SIGKILL");
  if (!skip) {
    const { getDb } = await import("@/lib/db/client");
    await getDb().$disconnect();
    await pgAdmin(base!, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function newUser(email: string) {
  const { createUser } = await import("@/lib/users/create-user");
  return createUser({ email, password: PASSWORD, createDomain: true }, ACTOR);
}

const OTP = () => actionId("lib/actions/auth/otp.ts", "verifyOtpAction");

async function passwordStep(browser: Browser, on: Instance, email: string, password = PASSWORD) {
  return browser.postJson(on.base, "/api/auth/password", { email, password });
}

/** One series of an instance's GET /metrics (on its gate port), 0 when not there yet. */
async function metric(on: Instance, series: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${on.gatePort}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  assert.equal(res.status, 200);
  const line = (await res.text()).split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** The signed-in person's own sessions: 200 with a session, refused without one. */
async function sessionsStatus(browser: Browser, on: Instance): Promise<number> {
  const res = await browser.fetch(`${on.base}/api/account/sessions`);
  await res.text();
  return res.status;
}

test("started at the same moment, the two instances applied each migration once and are both healthy", { skip }, async () => {
  const { getDb } = await import("@/lib/db/client");
  const rows = await getDb().$queryRawUnsafe<{ migration_name: string; n: bigint }[]>(
    `SELECT migration_name, count(*) AS n FROM _prisma_migrations GROUP BY migration_name`,
  );
  const files = readdirSync(path.join(ROOT, "prisma", "migrations", "postgresql"), { withFileTypes: true }).filter((d) => d.isDirectory());
  assert.equal(rows.length, files.length, "every migration recorded");
  assert.ok(
    rows.every((r) => Number(r.n) === 1),
    "each recorded once",
  );
  const migrated = [A, B].filter((i) => /"event":"db\.migrated"/.test(i.output()));
  assert.equal(migrated.length, 1, "one instance applied them, the other found none pending");
  for (const i of [A, B]) {
    assert.equal((await fetch(`${i.base}/api/health`)).status, 200);
    assert.equal((await askGate(i.gatePort, "/health", [])).status, 200);
  }
});

test("a session made on A works on B, and signing out on B ends it on A", { skip }, async () => {
  await newUser("roaming@instances.test");
  const browser = new Browser();
  const signIns = 'gatehouse_sign_ins_total{method="password",result="success"}';
  const counted = await metric(A, signIns);
  const step = await passwordStep(browser, A, "roaming@instances.test");
  assert.deepEqual(step.result, { ok: true, data: { stage: "signed_in", home: "/account" } });
  assert.ok(browser.hasSession(), "A set a session cookie");
  assert.equal(await sessionsStatus(browser, A), 200);
  // The web child made the session; the parent's gate serves /metrics: the count crossed over.
  assert.equal((await metric(A, signIns)) - counted, 1, "A's /metrics counted the sign-in");
  assert.equal(await metric(B, signIns), 0, "B's did not");
  assert.equal(await sessionsStatus(browser, B), 200, "B knows the session A made");

  const out = await browser.action(B.base, "/admin", actionId("lib/actions/session/sign-out.ts", "logoutAction"), {});
  assert.ok(out.status < 400, `sign-out on B answered ${out.status}`);
  const { getDb } = await import("@/lib/db/client");
  assert.equal(await getDb().session.count({ where: { user: { email: "roaming@instances.test" } } }), 0);
  // The cookie the browser still holds opens nothing on A any more.
  assert.notEqual(await sessionsStatus(browser, A), 200, "A no longer accepts it");
});

test("an account locked on A is refused on B, at the web sign-in and at the gate", { skip }, async () => {
  const user = await newUser("locked@instances.test");
  const { getDb } = await import("@/lib/db/client");
  // One failure short of the lock (lib/throttle/login-throttle.ts); the last one happens on A.
  await getDb().user.update({ where: { id: user.id }, data: { failedLoginCount: 99 } });
  const wrong = await askGate(
    A.gatePort,
    "/auth",
    authHttpHeaders(GATE_SECRET, { user: "locked@instances.test", pass: "wrong-password-1", protocol: "imap", ip: "192.0.2.31" }),
  );
  assert.notEqual(wrong.headers["auth-status"], "OK");
  assert.equal((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).status, "locked", "A locked it");
  assert.equal(await metric(A, "gatehouse_account_locks_total"), 1);

  const web = await passwordStep(new Browser(), B, "locked@instances.test");
  assert.equal(web.result?.ok, false, "B refuses the web sign-in with the right password");
  const gate = await askGate(
    B.gatePort,
    "/auth",
    authHttpHeaders(GATE_SECRET, { user: "locked@instances.test", pass: PASSWORD, protocol: "imap", ip: "192.0.2.32" }),
  );
  assert.notEqual(gate.headers["auth-status"], "OK", "B's gate refuses it");
});

test("a TOTP code used on A is refused on B", { skip }, async () => {
  await newUser("totp@instances.test");
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  const device = await provisionTotpDevice("totp@instances.test", { label: "Phone" }, ACTOR);
  const code = computeTotp(device.secret, device.options, Date.now());

  const onA = new Browser();
  assert.deepEqual((await passwordStep(onA, A, "totp@instances.test")).result, { ok: true, data: { stage: "otp" } });
  assert.deepEqual((await onA.action(A.base, "/login/otp", OTP(), { code })).result, { ok: true, data: { stage: "ready" } });
  assert.ok(await onA.finishSignIn(A.base));

  const onB = new Browser();
  assert.deepEqual((await passwordStep(onB, B, "totp@instances.test")).result, { ok: true, data: { stage: "otp" } });
  const replayed = await onB.action(B.base, "/login/otp", OTP(), { code });
  assert.equal(replayed.result?.ok, false, "the same code is spent everywhere");
  assert.equal(await onB.finishSignIn(B.base), false, "and no session comes of it");
});

test("one auth link redeemed on A and on B at the same moment succeeds once", { skip }, async () => {
  const user = await newUser("newhire@instances.test");
  const { createAuthLink } = await import("@/lib/auth-links/create-auth-link");
  const link = await createAuthLink({ userId: user.id, hours: 1 }, ACTOR);
  const id = actionId("lib/actions/auth/auth-link.ts", "redeemTemporaryLinkAction");
  const input = { token: link.token, password: "Blue-harbour-lantern-77", confirmPassword: "Blue-harbour-lantern-77" };
  const page = `/link/${link.token}/password`;
  const answers = await Promise.all([new Browser().action(A.base, page, id, input), new Browser().action(B.base, page, id, input)]);
  const ok = answers.filter((a) => a.result?.ok === true);
  const refused = answers.filter((a) => a.result?.ok === false);
  assert.equal(ok.length, 1, JSON.stringify(answers));
  assert.equal(refused.length, 1);
});

test("SIGTERM: /health answers 503 while B drains, a request in flight completes, B exits 0 and A serves on", { skip }, async () => {
  const browser = new Browser();
  B.child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300)); // inside SHUTDOWN_DELAY_SECONDS (1 s)
  const [web, gate, inFlight] = await Promise.all([
    fetch(`${B.base}/api/health`),
    askGate(B.gatePort, "/health", []),
    passwordStep(browser, B, "roaming@instances.test"),
  ]);
  assert.equal(web.status, 503);
  assert.deepEqual(await web.json(), { status: "draining" });
  assert.equal(gate.status, 503);
  assert.deepEqual(inFlight.result, { ok: true, data: { stage: "signed_in", home: "/account" } }, "the sign-in B had accepted is answered");
  assert.equal(await B.exited, 0, B.output());
  assert.match(B.output(), /shutdown\.done/);
  await assert.rejects(fetch(`${B.base}/api/health`), "B no longer listens");
  assert.equal((await fetch(`${A.base}/api/health`)).status, 200);

  A.child.kill("SIGTERM");
  assert.equal(await A.exited, 0, A.output());
});
