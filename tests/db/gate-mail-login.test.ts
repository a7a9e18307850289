import { after, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";
import { GATE_KEY, PASSWORD, clock, gateLib, startTestGate } from "./gate-support";
import { askGate, authHttpHeaders, basic } from "../gate-client";

useTestDatabase();

// The gate's decision over real HTTP (issue 12): nginx auth_http on /auth, auth_request on
// /http-auth, against the test database (SQLite or PostgreSQL).
let gate: Awaited<ReturnType<typeof startTestGate>>;
const creds: Record<string, string> = {};
let nextIp = 1;
/** A fresh client IP per test, so the per-IP throttle of one test never reaches another. */
const freshIp = () => `198.51.100.${nextIp++}`;

// Set up on first use (not in a root before hook: on Node 20 that can run before support.ts's
// migration has finished).
let ready: Promise<void> | undefined;
const setUp = () => (ready ??= setUpOnce());
async function setUpOnce() {
  gate = await startTestGate();
  const { createUser, createCredential } = await gateLib();
  await createUser({ email: "alice@example.test", password: PASSWORD, createDomain: true }, ACTOR);
  await createUser({ email: "bob@example.test", password: PASSWORD }, ACTOR);
  const make = async (name: string, services: string, account = "alice@example.test", extra = {}) => {
    creds[name] = (await createCredential({ account, label: name, services, ...extra }, ACTOR)).secret;
  };
  await make("imap", "imap");
  await make("smtp", "smtp");
  await make("eas", "eas");
  await make("toDisable", "imap");
  await make("toDelete", "imap,pop3");
  await make("officeOnly", "imap", "alice@example.test", { allowedIpRanges: "10.9.0.0/16" });
  await make("bobImap", "imap", "bob@example.test");
}
after(() => gate?.close());
beforeEach(async () => {
  await setUp();
  clock.nextHour();
});

const mail = (user: string, pass: string, protocol: string, ip = freshIp(), attempt = 1) =>
  askGate(gate.port, "/auth", authHttpHeaders(GATE_KEY, { user, pass, protocol, ip, attempt }));
const http = (service: string, user: string, pass: string, ip = freshIp()) =>
  askGate(gate.port, `/http-auth?service=${service}`, [
    ["X-Auth-Key", GATE_KEY],
    ["Authorization", basic(user, pass)],
    ["Client-IP", ip],
  ]);

async function gateFailures(): Promise<number> {
  const { db } = await gateLib();
  return db.auditEvent.count({ where: { action: "gate.login", result: "failure" } });
}

test("an IMAP-scoped credential logs in over IMAP (backend, canonical user) and is refused over SMTP with 535 5.7.8", async () => {
  const ok = await mail("Alice@Example.TEST", creds.imap, "imap");
  assert.equal(ok.status, 200);
  assert.equal(ok.headers["auth-status"], "OK");
  assert.equal(ok.headers["auth-server"], "127.0.0.1");
  assert.equal(ok.headers["auth-port"], "1143");
  assert.equal(ok.headers["auth-user"], "alice@example.test");
  const smtp = await mail("alice@example.test", creds.imap, "smtp");
  assert.equal(smtp.headers["auth-status"], "Invalid login or password");
  assert.equal(smtp.headers["auth-error-code"], "535 5.7.8 Authentication credentials invalid");
  assert.equal(smtp.headers["auth-wait"], "1");
  assert.equal(smtp.headers["auth-server"], undefined);
});

test("an SMTP-only credential passes submission (its backend) and is refused over IMAP and POP3", async () => {
  const ok = await mail("alice@example.test", creds.smtp, "smtp");
  assert.equal(ok.headers["auth-status"], "OK");
  assert.equal(ok.headers["auth-port"], "1587");
  assert.equal((await mail("alice@example.test", creds.smtp, "imap")).headers["auth-status"], "Invalid login or password");
  assert.equal((await mail("alice@example.test", creds.smtp, "pop3")).headers["auth-status"], "Invalid login or password");
});

test("a credential is refused for another account, and outside its allowed IP ranges", async () => {
  assert.notEqual((await mail("alice@example.test", creds.bobImap, "imap")).headers["auth-status"], "OK");
  assert.notEqual((await mail("alice@example.test", creds.officeOnly, "imap", "192.0.2.77")).headers["auth-status"], "OK");
  assert.equal((await mail("alice@example.test", creds.officeOnly, "imap", "10.9.1.2")).headers["auth-status"], "OK");
});

test("mailcow's bug: the main password passes IMAP under policy 0, is refused at once when IMAP requires 2FA, and passes from the trusted range", async () => {
  const { setPolicy } = await gateLib();
  const ip = freshIp();
  assert.equal((await mail("alice@example.test", PASSWORD, "imap", ip)).headers["auth-status"], "OK"); // cached now
  await setPolicy({ scope: "global" }, "IMAP", { twoFactorPolicy: 1, trustedIpRanges: "10.20.0.0/16" }, ACTOR);
  const before = await gateFailures();
  const refused = await mail("alice@example.test", PASSWORD, "imap", ip);
  assert.equal(refused.headers["auth-status"], "Invalid login or password");
  assert.equal(await gateFailures(), before + 1, "the refusal is audited");
  assert.equal((await mail("alice@example.test", PASSWORD, "imap", "10.20.3.4")).headers["auth-status"], "OK");
  // Policy 2 (trusted devices) cannot be met by a mail client: only the trusted range passes.
  await setPolicy({ scope: "global" }, "IMAP", { twoFactorPolicy: 2 }, ACTOR);
  assert.notEqual((await mail("alice@example.test", PASSWORD, "imap", freshIp())).headers["auth-status"], "OK");
  assert.equal((await mail("alice@example.test", PASSWORD, "imap", "10.20.3.5")).headers["auth-status"], "OK");
  // The app password is unaffected: it is the second factor's replacement.
  assert.equal((await mail("alice@example.test", creds.imap, "imap", freshIp())).headers["auth-status"], "OK");
  // POP3 still has no policy: the main password passes there.
  assert.equal((await mail("alice@example.test", PASSWORD, "pop3", freshIp())).headers["auth-status"], "OK");
  const { db } = await gateLib();
  const failure = await db.auditEvent.findFirstOrThrow({
    where: { action: "gate.login", result: "failure" },
    orderBy: { createdAt: "desc" },
  });
  assert.match(failure.details, /password_needs_second_factor/);
  assert.doesNotMatch(failure.details + failure.actorEmail, new RegExp(PASSWORD));
});

test("a disabled credential is refused at the next login, even though its last yes is cached; a deleted one too", async () => {
  const { db, updateCredential, deleteCredential } = await gateLib();
  const alice = await db.user.findUniqueOrThrow({ where: { email: "alice@example.test" } });
  const ip = freshIp();
  assert.equal((await mail("alice@example.test", creds.toDisable, "imap", ip)).headers["auth-status"], "OK");
  assert.equal(gate.cache.size > 0, true);
  const row = await db.credential.findFirstOrThrow({ where: { label: "toDisable" } });
  await updateCredential({ userId: alice.id, id: row.id }, { enabled: false }, ACTOR);
  assert.equal((await mail("alice@example.test", creds.toDisable, "imap", ip)).headers["auth-status"], "Invalid login or password");

  assert.equal((await mail("alice@example.test", creds.toDelete, "pop3", ip)).headers["auth-status"], "OK");
  const del = await db.credential.findFirstOrThrow({ where: { label: "toDelete" } });
  await deleteCredential({ userId: alice.id, id: del.id }, ACTOR);
  assert.equal((await mail("alice@example.test", creds.toDelete, "pop3", ip)).headers["auth-status"], "Invalid login or password");
});

test("a cached yes ends when its credential expires", async () => {
  const { createCredential } = await gateLib();
  const expiresAt = new Date(Date.now() + 24 * 3600_000);
  const { secret } = await createCredential({ account: "alice@example.test", label: "expiring", services: "imap", expiresAt }, ACTOR);
  const ip = freshIp();
  clock.t = expiresAt.getTime() - 5_000;
  assert.equal((await mail("alice@example.test", secret, "imap", ip)).headers["auth-status"], "OK"); // cached for up to 30 s
  clock.t = expiresAt.getTime() + 1;
  assert.equal((await mail("alice@example.test", secret, "imap", ip)).headers["auth-status"], "Invalid login or password");
});

test("a wrong password gets a growing Auth-Wait, none from the 10th attempt, and the account's failure count rises", async () => {
  const { db } = await gateLib();
  const before = (await db.user.findUniqueOrThrow({ where: { email: "bob@example.test" } })).failedLoginCount;
  const ip = freshIp();
  const first = await mail("bob@example.test", "not the password at all", "imap", ip, 1);
  assert.equal(first.headers["auth-status"], "Invalid login or password");
  assert.equal(first.headers["auth-wait"], "1");
  assert.equal((await mail("bob@example.test", "still not the password", "pop3", ip, 3)).headers["auth-wait"], "4");
  const last = await mail("bob@example.test", "nor is this the password", "imap", ip, 10);
  assert.equal(last.headers["auth-status"], "Invalid login or password");
  assert.equal(last.headers["auth-wait"], undefined, "nginx closes the connection");
  const after = (await db.user.findUniqueOrThrow({ where: { email: "bob@example.test" } })).failedLoginCount;
  assert.equal(after, before + 3);
  // A right login clears it again.
  assert.equal((await mail("bob@example.test", PASSWORD, "pop3", ip)).headers["auth-status"], "OK");
  assert.equal((await db.user.findUniqueOrThrow({ where: { email: "bob@example.test" } })).failedLoginCount, 0);
});

test("an account locked by failures or disabled is refused even with the right secret, cached or not", async () => {
  const { createUser, createCredential, setUserStatus, db } = await gateLib();
  await createUser({ email: "carol@example.test", password: PASSWORD }, ACTOR);
  const { secret } = await createCredential({ account: "carol@example.test", label: "c", services: "imap" }, ACTOR);
  const ip = freshIp();
  assert.equal((await mail("carol@example.test", secret, "imap", ip)).headers["auth-status"], "OK"); // cached now
  // One failure short of the lock (README "Throttling": 100), then one more through the gate locks it.
  await db.user.update({ where: { email: "carol@example.test" }, data: { failedLoginCount: 99 } });
  assert.notEqual((await mail("carol@example.test", "a wrong password for carol", "imap", ip)).headers["auth-status"], "OK");
  assert.equal((await db.user.findUniqueOrThrow({ where: { email: "carol@example.test" } })).status, "locked");
  clock.nextHour();
  assert.notEqual((await mail("carol@example.test", secret, "imap", ip)).headers["auth-status"], "OK");
  assert.notEqual((await mail("carol@example.test", PASSWORD, "imap", ip)).headers["auth-status"], "OK");
  await setUserStatus("carol@example.test", "unlock", ACTOR);
  assert.equal((await mail("carol@example.test", secret, "imap", ip)).headers["auth-status"], "OK");
  await setUserStatus("carol@example.test", "disable", ACTOR);
  assert.notEqual((await mail("carol@example.test", secret, "imap", ip)).headers["auth-status"], "OK");
});

test("a password change refuses the old main password at once", async () => {
  const { createUser, setUserPassword } = await gateLib();
  await createUser({ email: "dave@example.test", password: PASSWORD }, ACTOR);
  const ip = freshIp();
  assert.equal((await mail("dave@example.test", PASSWORD, "pop3", ip)).headers["auth-status"], "OK");
  await setUserPassword("dave@example.test", "another plenty long passphrase", ACTOR);
  assert.notEqual((await mail("dave@example.test", PASSWORD, "pop3", ip)).headers["auth-status"], "OK");
  assert.equal((await mail("dave@example.test", "another plenty long passphrase", "pop3", ip)).headers["auth-status"], "OK");
});

test("auth_request: an EAS credential gets 200 with the canonical user; a DAV-less one 401 with a Basic challenge", async () => {
  const ok = await http("EAS", "ALICE@example.test", creds.eas);
  assert.equal(ok.status, 200);
  assert.equal(ok.headers["x-auth-user"], "alice@example.test");
  const dav = await http("dav", "alice@example.test", creds.eas);
  assert.equal(dav.status, 401);
  assert.match(dav.headers["www-authenticate"], /^Basic realm="Gatehouse"/);
  assert.equal((await http("EAS", "alice@example.test", "wrong password here")).status, 401);
  assert.equal((await http("WebUI", "alice@example.test", PASSWORD)).status, 400, "the web sign-in never goes through the gate");
  assert.equal((await http("nonsense", "alice@example.test", creds.eas)).status, 400);
});

test("without the right X-Auth-Key nothing is checked: 403 and no audit row", async () => {
  const before = await gateFailures();
  const login = { user: "bob@example.test", pass: "wrong wrong wrong", protocol: "imap" };
  for (const headers of [
    authHttpHeaders("not-the-key", login),
    authHttpHeaders(GATE_KEY, login).slice(1),
    authHttpHeaders(GATE_KEY, login, [["X-Auth-Key", "second"]]),
  ]) {
    assert.equal((await askGate(gate.port, "/auth", headers)).status, 403);
  }
  assert.equal((await askGate(gate.port, "/http-auth?service=EAS", [["Authorization", basic("a@b.c", "x")]])).status, 403);
  assert.equal(await gateFailures(), before);
});

test("last use is recorded per credential without a write per login: after the flush, with the latest IP", async () => {
  const { db } = await gateLib();
  const row = () => db.credential.findFirstOrThrow({ where: { label: "smtp" }, select: { lastUsedAt: true, lastUsedIp: true } });
  await gate.uses.flush();
  const before = await row();
  for (let i = 0; i < 5; i++) await mail("alice@example.test", creds.smtp, "smtp", `203.0.113.${i + 1}`);
  assert.deepEqual(await row(), before, "nothing written yet");
  assert.equal(gate.uses.pendingCount >= 1, true);
  await gate.uses.flush();
  const after = await row();
  assert.equal(after.lastUsedIp, "203.0.113.5");
  assert.ok(after.lastUsedAt && (!before.lastUsedAt || after.lastUsedAt > before.lastUsedAt));
  assert.ok(gate.metrics.get("SMTP", "ok") >= 5, "successes are counted");
});
