// GET /metrics on the gate port (issue 13): off without METRICS_TOKEN, refused without the bearer
// token, and with it the counts move when someone signs in on the web or the gate lets a login through.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { ACTOR, useTestDatabase } from "./support";
import { BACKENDS_ENV, GATE_KEY, PASSWORD } from "./gate-support";
import { askGate, authHttpHeaders } from "../gate-client";

useTestDatabase();

const TOKEN = "metrics-test-token-" + "m".repeat(24);
const gates: { close: () => Promise<void> }[] = [];
after(async () => {
  for (const g of gates) await g.close();
});

async function gate(metricsToken?: string) {
  const { createGate } = await import("@/gate/gate-server");
  const { parseGateBackends } = await import("@/lib/gate/gate-backends");
  const g = createGate({ gateSecret: GATE_KEY, backends: parseGateBackends(BACKENDS_ENV), metricsToken });
  await new Promise<void>((resolve) => g.server.listen(0, "127.0.0.1", resolve));
  gates.push(g);
  return (g.server.address() as AddressInfo).port;
}

async function scrape(port: number, authorization?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
}

/** The value of one series in the Prometheus text, 0 when it is not there yet. */
function value(body: string, series: string): number {
  const line = body.split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test("without METRICS_TOKEN, /metrics is not there (404)", async () => {
  const port = await gate();
  assert.equal((await scrape(port)).status, 404);
  assert.equal((await scrape(port, `Bearer ${TOKEN}`)).status, 404);
});

test("METRICS_TOKEN must be at least 16 characters", async () => {
  const { parseSettings } = await import("@/lib/config/settings");
  assert.throws(() => parseSettings({ METRICS_TOKEN: "short" }), /invalid setting METRICS_TOKEN: must be at least 16 characters/);
  assert.equal(parseSettings({ METRICS_TOKEN: TOKEN }).metricsToken, TOKEN);
});

test("with METRICS_TOKEN: 401 without the token or with a wrong one; with it, a sign-in and a gate login are counted", async () => {
  const port = await gate(TOKEN);
  const none = await scrape(port);
  assert.equal(none.status, 401);
  assert.equal(none.body, "unauthorized\n", "nothing of the metrics without the token");
  assert.equal((await scrape(port, `Bearer ${TOKEN}x`)).status, 401);
  assert.equal((await scrape(port, `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`)).status, 401);

  const before = await scrape(port, `Bearer ${TOKEN}`);
  assert.equal(before.status, 200);
  assert.match(before.type ?? "", /^text\/plain; version=0\.0\.4/);
  assert.match(before.body, /^gatehouse_process_cpu_user_seconds_total /m, "process metrics");
  const signIns = 'gatehouse_sign_ins_total{method="password",result="success"}';
  const failures = 'gatehouse_sign_ins_total{method="password",result="failure"}';
  const gateOk = 'gatehouse_gate_decisions_total{protocol="imap",result="ok"}';

  const { createUser } = await import("@/lib/users/create-user");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  await createUser({ email: "counted@metrics.test", password: PASSWORD, createDomain: true }, ACTOR);
  const { ticket, stage } = await beginPasswordSignIn({ email: "counted@metrics.test", password: PASSWORD }, ACTOR);
  assert.equal(stage, "ready");
  assert.ok(await completeSignIn(ticket, ACTOR));
  await assert.rejects(beginPasswordSignIn({ email: "counted@metrics.test", password: "not the password at all" }, ACTOR));

  const login = await askGate(
    port,
    "/auth",
    authHttpHeaders(GATE_KEY, { user: "counted@metrics.test", pass: PASSWORD, protocol: "imap", ip: "192.0.2.80" }),
  );
  assert.equal(login.headers["auth-status"], "OK");

  const afterwards = (await scrape(port, `Bearer ${TOKEN}`)).body;
  assert.equal(value(afterwards, signIns) - value(before.body, signIns), 1, "the web sign-in");
  assert.equal(value(afterwards, failures) - value(before.body, failures), 1, "the wrong password");
  assert.equal(value(afterwards, gateOk) - value(before.body, gateOk), 1, "the gate's yes");
  assert.equal(value(afterwards, 'gatehouse_sign_ins_total{method="imap",result="success"}'), 1, "and it is a sign-in by IMAP");
  assert.ok(value(afterwards, 'gatehouse_gate_decision_seconds_count{endpoint="auth"}') >= 1, "its time is in the histogram");
});

test("a web child's counts reach the registry of the process that serves /metrics (the IPC relay), checked and bounded", async () => {
  const { relayMetric } = await import("@/lib/metrics/count-metric");
  const port = await gate(TOKEN);
  const before = (await scrape(port, `Bearer ${TOKEN}`)).body;
  relayMetric({ type: "gatehouse.metric", event: { name: "sign_in", method: "otp", result: "success" } });
  relayMetric({ type: "gatehouse.metric", event: { name: "account_lock" } });
  relayMetric({ type: "gatehouse.metric", event: { name: "throttle_delay", seconds: 4 } });
  relayMetric({ type: "gatehouse.metric", event: { name: "sign_in", method: 'x"} 1\nevil', result: "success" } });
  relayMetric({ type: "something else", event: { name: "account_lock" } });
  const body = (await scrape(port, `Bearer ${TOKEN}`)).body;
  const delta = (series: string) => value(body, series) - value(before, series);
  assert.equal(delta('gatehouse_sign_ins_total{method="otp",result="success"}'), 1);
  assert.equal(delta("gatehouse_account_locks_total"), 1);
  assert.equal(delta("gatehouse_throttle_delays_total"), 1);
  assert.equal(delta("gatehouse_throttle_delay_seconds_total"), 4);
  assert.equal(delta('gatehouse_sign_ins_total{method="other",result="success"}'), 1, "a label it does not know becomes other");
  assert.doesNotMatch(body, /evil/);
});

test("database faults are counted by class; a broken rule of the data (P2002 and the like) is not one", async () => {
  const { countDatabaseFault } = await import("@/lib/metrics/count-metric");
  const port = await gate(TOKEN);
  const before = (await scrape(port, `Bearer ${TOKEN}`)).body;
  countDatabaseFault(Object.assign(new Error("can't reach database server"), { name: "PrismaClientInitializationError", code: "P1001" }));
  countDatabaseFault(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
  countDatabaseFault(Object.assign(new Error("unique"), { name: "PrismaClientKnownRequestError", code: "P2002" }));
  countDatabaseFault(new TypeError("a bug, not the database"));
  const body = (await scrape(port, `Bearer ${TOKEN}`)).body;
  const delta = (series: string) => value(body, series) - value(before, series);
  assert.equal(delta('gatehouse_database_errors_total{class="PrismaClientInitializationError"}'), 1);
  assert.equal(delta('gatehouse_database_errors_total{class="ECONNREFUSED"}'), 1);
  assert.doesNotMatch(body, /class="(PrismaClientKnownRequestError|TypeError)"/);
});

test("a sign-in the throttle holds back is counted, with the wait it asked for", async () => {
  const port = await gate(TOKEN);
  const { createUser } = await import("@/lib/users/create-user");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  await createUser({ email: "hurried@metrics.test", password: PASSWORD, createDomain: true }, ACTOR);
  const before = (await scrape(port, `Bearer ${TOKEN}`)).body;
  const now = new Date(Date.now() + 2 * 60 * 60 * 1000); // after every earlier attempt of this file
  // Five failures are free (lib/throttle/login-throttle.ts); the sixth attempt must wait.
  for (let i = 0; i < 5; i++)
    await assert.rejects(beginPasswordSignIn({ email: "hurried@metrics.test", password: `wrong guess ${i}` }, ACTOR, now));
  await assert.rejects(beginPasswordSignIn({ email: "hurried@metrics.test", password: PASSWORD }, ACTOR, now), { code: "rate_limited" });
  const body = (await scrape(port, `Bearer ${TOKEN}`)).body;
  assert.equal(value(body, "gatehouse_throttle_delays_total") - value(before, "gatehouse_throttle_delays_total"), 1);
  assert.ok(value(body, "gatehouse_throttle_delay_seconds_total") - value(before, "gatehouse_throttle_delay_seconds_total") >= 1);
});
