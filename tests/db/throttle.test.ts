import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// README "Throttling", with its numbers written out: 5 failures per typed address and 20 per IP
// (IPv6: per /64) before delays, then 1 s doubling to 60 s, forgotten after 1 hour, lock at 100.
// Attempts are counted before argon2 runs, so guesses sent at once are bounded too; the number of
// hashes actually run is read from lib/passwords/hash-password. Time is injected.
const PASSWORD = "a lighthouse keeper's log";
const WRONG = "wrong wrong wrong wrong";
const T0 = new Date("2026-11-30T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;
const HOUR = 3_600_000;
const waitMessage = (seconds: number) => `Too many attempts. Wait ${seconds} seconds and try again.`;

async function makeUsers(names: string[]): Promise<string[]> {
  const { hashPassword } = await import("@/lib/passwords/hash-password");
  const { insertUser } = await import("@/lib/users/create-user");
  const { getDb } = await import("@/lib/db/client");
  const passwordHash = await hashPassword(PASSWORD); // one hash shared, so set-up stays quick
  const emails = names.map((name) => `${name}@burst.test`);
  for (const email of emails) await getDb().$transaction((tx) => insertUser(tx, { email, createDomain: true }, passwordHash, ACTOR));
  return emails;
}

async function signIn(email: string, password: string, ip: string, now: Date) {
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  return beginPasswordSignIn({ email, password }, { ...ACTOR, ip }, now);
}

/** How each attempt ended: "ok" or the error's code, counted. */
async function outcomes(attempts: Promise<unknown>[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const result of await Promise.allSettled(attempts)) {
    const code = result.status === "fulfilled" ? "ok" : ((result.reason as { code?: string }).code ?? String(result.reason));
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

async function hashesRunBy(work: () => Promise<unknown>): Promise<number> {
  const { passwordVerificationCount } = await import("@/lib/passwords/hash-password");
  const before = passwordVerificationCount();
  await work().catch(() => undefined);
  return passwordVerificationCount() - before;
}

/** Hashes one wrong password costs at the password step (measured, so the tests below count attempts). */
async function hashesPerWrongSignIn(): Promise<number> {
  const [email] = await makeUsers([`baseline-${Math.random().toString(36).slice(2)}`]);
  const hashes = await hashesRunBy(() => signIn(email, WRONG, "127.0.0.250", T0));
  assert.ok(hashes >= 1);
  return hashes;
}

test("an unknown address runs exactly one argon2 verification, like a known one", async () => {
  const { checkAccountPassword } = await import("@/lib/auth/verify-account-password");
  const { getDb } = await import("@/lib/db/client");
  const [known, disabled] = await makeUsers(["known", "disabled"]);
  await getDb().user.update({ where: { email: disabled }, data: { status: "disabled" } });
  assert.equal(await hashesRunBy(() => checkAccountPassword("nobody@burst.test", WRONG)), 1, "unknown address");
  assert.equal(await hashesRunBy(() => checkAccountPassword("not an address", WRONG)), 1, "not an address");
  assert.equal(await hashesRunBy(() => checkAccountPassword(known, WRONG)), 1, "wrong password");
  assert.equal(await hashesRunBy(() => checkAccountPassword(known, PASSWORD)), 1, "right password");
  assert.equal(await hashesRunBy(() => checkAccountPassword(disabled, PASSWORD)), 1, "disabled account");
  // The whole password step too: an unknown address costs what a wrong password does.
  const unknown = await hashesRunBy(() => signIn("nobody@burst.test", WRONG, "127.0.0.9", T0));
  assert.equal(unknown, await hashesRunBy(() => signIn(known, WRONG, "127.0.0.9", T0)));
});

test("50 wrong passwords at once from one IP against 50 accounts: 20 are checked, 30 told to wait", async () => {
  const { getDb } = await import("@/lib/db/client");
  const perAttempt = await hashesPerWrongSignIn();
  const emails = await makeUsers(Array.from({ length: 50 }, (_, i) => `spray${i}`));
  const ip = "127.0.1.1";
  let counts: Record<string, number> = {};
  const hashes = await hashesRunBy(async () => {
    counts = await outcomes(emails.map((email) => signIn(email, WRONG, ip, T0)));
  });
  assert.deepEqual(counts, { invalid_credentials: 20, rate_limited: 30 });
  assert.equal(hashes, 20 * perAttempt, `argon2 ran for 20 attempts, not ${hashes / perAttempt}`);
  assert.equal(await getDb().auditEvent.count({ where: { action: "login.password", result: "failure", ip } }), 20);
  await assert.rejects(signIn("spray0@burst.test", PASSWORD, ip, at(999)), { code: "rate_limited", message: waitMessage(1) });
  assert.ok(await signIn("spray0@burst.test", PASSWORD, ip, at(SECOND)), "the 21st attempt waits 1 s");
});

test("20 wrong passwords at once against one account: 5 are checked", async () => {
  const { getDb } = await import("@/lib/db/client");
  const perAttempt = await hashesPerWrongSignIn();
  const [email] = await makeUsers(["target"]);
  let counts: Record<string, number> = {};
  const hashes = await hashesRunBy(async () => {
    counts = await outcomes(Array.from({ length: 20 }, () => signIn(email, WRONG, "127.0.2.1", T0)));
  });
  assert.deepEqual(counts, { invalid_credentials: 5, rate_limited: 15 });
  assert.equal(hashes, 5 * perAttempt);
  assert.equal((await getDb().user.findUniqueOrThrow({ where: { email } })).failedLoginCount, 5);
});

test("20 guesses at once at the current password from one session: 5 are checked", async () => {
  const { changeOwnPassword } = await import("@/lib/users/change-own-password");
  const { getDb } = await import("@/lib/db/client");
  const [email] = await makeUsers(["changer"]);
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  const guess = () => changeOwnPassword(user.id, { currentPassword: WRONG, newPassword: "a brand new passphrase" }, ACTOR, T0);
  let counts: Record<string, number> = {};
  const hashes = await hashesRunBy(async () => {
    counts = await outcomes(Array.from({ length: 20 }, guess));
  });
  assert.deepEqual(counts, { invalid_input: 5, rate_limited: 15 });
  assert.equal(hashes, 5, "one argon2 verification per guess checked");
  assert.equal((await getDb().user.findUniqueOrThrow({ where: { email } })).failedLoginCount, 5);
});

test("20 wrong codes at once over four sign-ins of one account: 5 are checked", async () => {
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const { verifyOtpStep } = await import("@/lib/auth/verify-otp-step");
  const { getDb } = await import("@/lib/db/client");
  const [email] = await makeUsers(["coder"]);
  await provisionTotpDevice(email, { options: {} }, ACTOR, T0);
  const ip = "127.0.3.1";
  const tickets: string[] = [];
  for (let i = 0; i < 4; i++) tickets.push((await signIn(email, PASSWORD, ip, T0)).ticket);
  const guesses = Array.from({ length: 20 }, (_, i) =>
    verifyOtpStep({ ticket: tickets[i % 4], code: "000000", trustThisDevice: false }, { ...ACTOR, ip }, T0),
  );
  const counts = await outcomes(guesses);
  assert.equal(counts.rate_limited, 15, JSON.stringify(counts));
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  assert.equal(await getDb().auditEvent.count({ where: { subjectId: user.id, action: "2fa.verify", result: "failure" } }), 5);
});

test("an IPv6 client is counted per /64: other addresses of it wait, another /64 does not", async () => {
  const attempts = Array.from({ length: 25 }, (_, i) => signIn(`v6-${i}@nowhere.test`, WRONG, `2001:db8:1:2::${(i + 1).toString(16)}`, T0));
  assert.deepEqual(await outcomes(attempts), { invalid_credentials: 20, rate_limited: 5 });
  await assert.rejects(signIn("v6-x@nowhere.test", WRONG, "2001:0DB8:0001:0002:ffff:ffff:ffff:ffff", T0), {
    code: "rate_limited",
    message: waitMessage(1),
  });
  await assert.rejects(signIn("v6-y@nowhere.test", WRONG, "2001:db8:1:3::1", T0), { code: "invalid_credentials" });
});

test("5 free failures per address, then 1 s doubling to 60 s; unknown addresses alike", async () => {
  const [known] = await makeUsers(["slow"]);
  for (const [email, ip] of [
    [known, "127.0.4.1"],
    ["ghost@nowhere.test", "127.0.4.2"],
  ]) {
    for (let i = 0; i < 5; i++) await assert.rejects(signIn(email, WRONG, ip, T0), { code: "invalid_credentials" }, `failure ${i + 1}`);
    await assert.rejects(signIn(email, PASSWORD, ip, T0), { code: "rate_limited", message: waitMessage(1) }, `${email}: the 6th waits`);
    let t = T0.getTime();
    for (const delay of [1, 2, 4, 8, 16, 32, 60, 60]) {
      await assert.rejects(signIn(email, WRONG, ip, new Date(t + delay * SECOND - 1)), { code: "rate_limited", message: waitMessage(1) });
      t += delay * SECOND;
      await assert.rejects(signIn(email, WRONG, ip, new Date(t)), { code: "invalid_credentials" }, `after ${delay} s`);
      await assert.rejects(signIn(email, WRONG, ip, new Date(t)), { code: "rate_limited" }, `again at once after ${delay} s`);
    }
    await assert.rejects(signIn(email, WRONG, ip, new Date(t)), { message: waitMessage(60) }, "never more than 60 s");
  }
});

test("counters are forgotten 1 hour after the last failure, not sooner", async () => {
  for (let i = 0; i < 5; i++) await assert.rejects(signIn("hour1@nowhere.test", WRONG, "127.0.5.1", T0), { code: "invalid_credentials" });
  await assert.rejects(signIn("hour1@nowhere.test", WRONG, "127.0.5.1", at(HOUR)), { code: "invalid_credentials" });
  await assert.rejects(
    signIn("hour1@nowhere.test", WRONG, "127.0.5.1", at(HOUR)),
    { code: "rate_limited", message: waitMessage(2) },
    "at 1 h the five are still remembered",
  );

  for (let i = 0; i < 5; i++) await assert.rejects(signIn("hour2@nowhere.test", WRONG, "127.0.5.2", T0), { code: "invalid_credentials" });
  for (let i = 0; i < 5; i++) {
    await assert.rejects(signIn("hour2@nowhere.test", WRONG, "127.0.5.2", at(HOUR + 1)), { code: "invalid_credentials" }, `${i + 1} of 5`);
  }
  await assert.rejects(signIn("hour2@nowhere.test", WRONG, "127.0.5.2", at(HOUR + 1)), { code: "rate_limited", message: waitMessage(1) });
});

test("a right password is no failure: it counts against neither the address nor the IP, nor moves the IP's delay", async () => {
  const [email, other] = await makeUsers(["right", "right2"]);
  for (let i = 0; i < 4; i++) await assert.rejects(signIn(email, WRONG, "127.0.6.1", T0), { code: "invalid_credentials" });
  for (let i = 0; i < 10; i++) assert.ok(await signIn(email, PASSWORD, "127.0.6.1", T0));
  await assert.rejects(signIn(email, WRONG, "127.0.6.1", T0), { code: "invalid_credentials" }, "the 5th failure is still free");
  await assert.rejects(signIn(email, WRONG, "127.0.6.1", T0), { code: "rate_limited" });

  const ip = "127.0.6.2";
  for (let i = 0; i < 20; i++) await assert.rejects(signIn(`n${i}@nowhere.test`, WRONG, ip, T0), { code: "invalid_credentials" });
  for (let i = 0; i < 3; i++) assert.ok(await signIn(other, PASSWORD, ip, at(30 * SECOND)), "right passwords pass the IP's delay");
  await assert.rejects(
    signIn("n20@nowhere.test", WRONG, ip, at(30 * SECOND)),
    { code: "invalid_credentials" },
    "the 21st failure waited 1 s",
  );
  await assert.rejects(signIn("n21@nowhere.test", WRONG, ip, at(30 * SECOND)), { code: "rate_limited", message: waitMessage(2) });
});

test("99 failures leave the account active; the 100th locks it, once, and it then says nothing", async () => {
  const { getDb } = await import("@/lib/db/client");
  const [email] = await makeUsers(["locking"]);
  await getDb().user.update({ where: { email }, data: { failedLoginCount: 98 } });
  await assert.rejects(signIn(email, WRONG, "127.0.7.1", T0), { code: "invalid_credentials" });
  const after99 = await getDb().user.findUniqueOrThrow({ where: { email } });
  assert.deepEqual([after99.failedLoginCount, after99.status], [99, "active"]);
  await assert.rejects(signIn(email, WRONG, "127.0.7.1", at(SECOND)), { code: "invalid_credentials" });
  const after100 = await getDb().user.findUniqueOrThrow({ where: { email } });
  assert.deepEqual([after100.failedLoginCount, after100.status], [100, "locked"]);
  assert.equal(await getDb().auditEvent.count({ where: { subjectId: after100.id, action: "user.lock" } }), 1);
  await assert.rejects(signIn(email, PASSWORD, "127.0.7.2", at(2 * SECOND)), {
    code: "invalid_credentials",
    message: "The email address or password is not right.",
  });
});
