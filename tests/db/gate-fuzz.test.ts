import { after, test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { ACTOR, useTestDatabase } from "./support";
import { GATE_KEY, PASSWORD, clock, gateLib, startTestGate } from "./gate-support";
import { askGate, authHttpHeaders } from "../gate-client";

useTestDatabase();

// A few thousand random header sets (missing, repeated, over-long, badly escaped, not UTF-8, odd
// addresses, wrong keys): the gate answers each with a refusal or a clear HTTP error, never OK and
// never a crash, and afterwards still decides right; its cache and last-use map stay within bounds.
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const ROUNDS = 3000;
let gate: Awaited<ReturnType<typeof startTestGate>> | undefined;
after(() => gate?.close());

/** mulberry32: a small seeded generator, so a failure can be replayed with FUZZ_SEED. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test(`${ROUNDS} random header sets: no OK, no crash, right answers afterwards, bounded memory`, async () => {
  const { createUser, createCredential } = await gateLib();
  await createUser({ email: "fuzz@fuzz.test", password: PASSWORD, createDomain: true }, ACTOR);
  const { secret } = await createCredential({ account: "fuzz@fuzz.test", label: "mail", services: "imap" }, ACTOR);
  gate = await startTestGate({ cache: { maxEntries: 50 } });
  const port = gate.port;

  const rand = random(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const junk = (max: number) => {
    const length = Math.floor(rand() * max);
    let s = "";
    for (let i = 0; i < length; i++) s += String.fromCharCode(0x20 + Math.floor(rand() * 0xdf)); // latin1, no control bytes
    return s;
  };
  const values = () =>
    pick([
      junk(40),
      junk(3000),
      "%",
      "%zz",
      "%C3%28",
      "%00",
      "%E2%82",
      encodeURIComponent("fuzz@fuzz.test"),
      // Near misses only: no set may carry a right secret, so no answer may be OK.
      encodeURIComponent(secret.slice(0, -1)),
      encodeURIComponent(PASSWORD.toUpperCase()),
      "imap",
      "SMTP",
      "pop3",
      "nntp",
      "plain",
      "cram-md5",
      "1",
      "10",
      "-1",
      "99999",
      "::1",
      "999.1.1.1",
      "fe80::1%eth0",
      "192.0.2.1",
      "",
    ]);
  const names = [
    "Auth-Method",
    "Auth-User",
    "Auth-Pass",
    "Auth-Protocol",
    "Auth-Login-Attempt",
    "Client-IP",
    "Client-Host",
    "X-Auth-Key",
    "Authorization",
  ];
  const statuses = new Map<number, number>();
  for (let round = 0; round < ROUNDS; round++) {
    // Half the sets start from a plausible login with a few mutations; the others are any headers at all.
    let headers: [string, string][] =
      rand() < 0.5
        ? authHttpHeaders(GATE_KEY, {
            user: "fuzz@fuzz.test",
            pass: `${secret}x`,
            protocol: pick(["imap", "pop3", "smtp"]),
            ip: pick(["192.0.2.1", "192.0.2.2"]),
          })
        : [];
    const mutations = 1 + Math.floor(rand() * 4);
    for (let m = 0; m < mutations; m++) {
      const op = rand();
      if (op < 0.4) headers.push([pick(names), values()]);
      else if (op < 0.7 && headers.length) headers.splice(Math.floor(rand() * headers.length), 1);
      else if (headers.length) headers[Math.floor(rand() * headers.length)][1] = values();
    }
    if (rand() < 0.3 && !headers.some(([k]) => k === "X-Auth-Key")) headers.push(["X-Auth-Key", GATE_KEY]);
    headers = headers.filter(([k, v]) => k.length > 0 && !/[\r\n]/.test(v));
    const path = pick(["/auth", "/auth", "/auth", "/http-auth?service=EAS", "/http-auth?service=x&service=DAV", "/nope"]);
    const answer = await askGate(port, path, headers);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    assert.ok([200, 400, 401, 403, 404, 431, 503].includes(answer.status), `round ${round}: status ${answer.status}`);
    assert.notEqual(answer.headers["auth-status"], "OK", `round ${round} (seed ${SEED}) was let in: ${JSON.stringify(headers)}`);
    if (answer.status === 200 && path === "/auth") assert.ok(answer.headers["auth-status"], `round ${round}: 200 without Auth-Status`);
  }
  assert.ok((statuses.get(200) ?? 0) > 100 && (statuses.get(403) ?? 0) > 100, JSON.stringify([...statuses]));

  // The attack's failures throttled the address (right, and shared with the web); its window passes.
  clock.nextHour();
  // Still deciding right: the valid credential passes from 60 new client IPs (60 cache slots, limit 50), a wrong one does not.
  for (let i = 1; i <= 60; i++) {
    const ok = await askGate(
      port,
      "/auth",
      authHttpHeaders(GATE_KEY, { user: "fuzz@fuzz.test", pass: secret, protocol: "imap", ip: `198.51.100.${i}` }),
    );
    assert.equal(ok.headers["auth-status"], "OK");
  }
  const wrong = await askGate(
    port,
    "/auth",
    authHttpHeaders(GATE_KEY, { user: "fuzz@fuzz.test", pass: "wrong wrong wrong", protocol: "imap", ip: "198.51.100.200" }),
  );
  assert.equal(wrong.headers["auth-status"], "Invalid login or password");
  assert.ok(gate.cache.size <= 50, `cache holds ${gate.cache.size}`);
  assert.ok(gate.uses.pendingCount <= 1, "one credential used: one pending last use");
});

test("a slow client that never finishes its headers is dropped, and the gate keeps answering meanwhile", async () => {
  assert.ok(gate, "runs after the fuzz test");
  const port = gate.port;
  const slow = connect({ host: "127.0.0.1", port });
  const closed = new Promise<void>((resolve) => slow.on("close", () => resolve()));
  slow.on("error", () => undefined);
  slow.write("GET /auth HTTP/1.1\r\nHost: gate\r\nAuth-Method: plain\r\n"); // and nothing more
  const health = await askGate(port, "/health", []);
  assert.equal(health.status, 200);
  const bounded = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("slow client still connected after 15 s")), 15_000).unref(),
  );
  await Promise.race([closed, bounded]);
});
