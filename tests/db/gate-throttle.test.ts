import { after, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";
import { GATE_KEY, PASSWORD, clock, gateLib, startTestGate } from "./gate-support";
import { askGate, authHttpHeaders } from "../gate-client";

useTestDatabase();

// The gate shares the web's throttle (README "Throttling": 5 failures per typed address and 20 per
// IP before delays; attempts counted before argon2 runs), also under many parallel requests.
let gate: Awaited<ReturnType<typeof startTestGate>>;
let ready: Promise<void> | undefined;
const setUp = () =>
  (ready ??= (async () => {
    gate = await startTestGate();
  })());
after(() => gate?.close());
beforeEach(async () => {
  await setUp();
  clock.nextHour();
});

const mail = (user: string, pass: string, ip: string, protocol = "imap") =>
  askGate(gate.port, "/auth", authHttpHeaders(GATE_KEY, { user, pass, protocol, ip }));

async function hashesRunBy(work: () => Promise<unknown>): Promise<number> {
  const { passwordVerificationCount } = await import("@/lib/passwords/hash-password");
  const before = passwordVerificationCount();
  await work();
  return passwordVerificationCount() - before;
}

test("30 wrong passwords at once for one address run a bounded number of hashes, and then even the right password waits", async () => {
  const { createUser } = await gateLib();
  await createUser({ email: "erin@burst.test", password: PASSWORD, createDomain: true }, ACTOR);
  let answers: Awaited<ReturnType<typeof mail>>[] = [];
  const hashes = await hashesRunBy(async () => {
    answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => mail("erin@burst.test", `wrong guess number ${i}`, `203.0.113.${i + 1}`)),
    );
  });
  assert.ok(answers.every((a) => a.headers["auth-status"] === "Invalid login or password"));
  // 5 free failures per address, each costing at most the chosen-credential decoy + the password check.
  assert.ok(hashes <= 5 * 2, `ran ${hashes} hashes`);
  const right = await mail("erin@burst.test", PASSWORD, "203.0.113.99");
  assert.equal(right.headers["auth-status"], "Invalid login or password");
  assert.ok(Number(right.headers["auth-wait"]) >= 1);
});

test("a client IP spraying many addresses is slowed after 20 failures, for every address", async () => {
  const ip = "198.18.0.7";
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => mail(`nobody${i}@spray.test`, "guessing guessing", ip)));
  assert.ok(answers.every((a) => a.headers["auth-status"] !== "OK"));
  const { db } = await gateLib();
  const counter = await db.throttleCounter.findUniqueOrThrow({ where: { key: `ip:${ip}` } });
  assert.ok(counter.failures >= 20 && counter.failures <= 22, `counted ${counter.failures}`);
});

test("the throttle is shared with the web: failures at the web sign-in make the gate refuse even a valid app password", async () => {
  const { createUser, createCredential } = await gateLib();
  await createUser({ email: "frank@shared.test", password: PASSWORD, createDomain: true }, ACTOR);
  const { secret } = await createCredential({ account: "frank@shared.test", label: "phone", services: "imap" }, ACTOR);
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  for (let i = 0; i < 6; i++) {
    await beginPasswordSignIn(
      { email: "frank@shared.test", password: "wrong at the web" },
      { ...ACTOR, ip: `192.0.2.${i + 1}` },
      clock.now(),
    ).catch(() => undefined);
  }
  const refused = await mail("frank@shared.test", secret, "198.18.1.1");
  assert.equal(refused.headers["auth-status"], "Invalid login or password");
  assert.ok(Number(refused.headers["auth-wait"]) >= 1);
  clock.nextHour(); // the counter's window passes
  assert.equal((await mail("frank@shared.test", secret, "198.18.1.1")).headers["auth-status"], "OK");
});

test("many valid logins at once with distinct credentials all pass, and each credential's last use is written once", async () => {
  const { createUser, createCredential, db } = await gateLib();
  await createUser({ email: "gina@many.test", password: PASSWORD, createDomain: true }, ACTOR);
  const secrets: string[] = [];
  for (let i = 0; i < 20; i++)
    secrets.push((await createCredential({ account: "gina@many.test", label: `c${i}`, services: "imap,pop3" }, ACTOR)).secret);
  const answers = await Promise.all(
    secrets.flatMap((s, i) => [mail("gina@many.test", s, `198.19.0.${i + 1}`), mail("gina@many.test", s, `198.19.0.${i + 1}`, "pop3")]),
  );
  assert.ok(answers.every((a) => a.headers["auth-status"] === "OK"));
  await gate.uses.flush();
  const used = await db.credential.count({ where: { user: { email: "gina@many.test" }, lastUsedAt: { not: null } } });
  assert.equal(used, 20);
});
