import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const ANN = "ann@creds.test";
const BOB = "bob@creds.test";
const ANN_PASSWORD = "ann's own account passphrase";

async function setup() {
  const { createUser } = await import("@/lib/users/create-user");
  const { getDb } = await import("@/lib/db/client");
  // Tests share one database: the first one creates the users (and any failure there is a failure).
  if (await getDb().user.findUnique({ where: { email: ANN } })) return;
  await createUser({ email: ANN, password: ANN_PASSWORD, createDomain: true }, ACTOR);
  await createUser({ email: BOB, password: "bob's own account passphrase" }, ACTOR);
}

async function counts() {
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  return { credentials: await db.credential.count(), audit: await db.auditEvent.count() };
}

test("a generated credential: secret returned once, stored only as an HMAC, audited without it", async () => {
  await setup();
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { listCredentials } = await import("@/lib/credentials/list-credentials");
  const { credentialLookupHash } = await import("@/lib/credentials/credential-secret");
  const { getDb } = await import("@/lib/db/client");
  const created = await createCredential({ account: ANN, kind: "mobile", label: "Phone", services: "eas" }, ACTOR);
  assert.match(created.secret, /^([0-9a-z]{4}-){6}[0-9a-z]{4}$/);
  assert.deepEqual(created.credential.services, ["EAS"]);
  assert.equal(created.credential.status, "active");
  assert.match(created.credential.id, /^[0-9A-Za-z]{10}$/);

  const row = await getDb().credential.findUnique({
    where: { id: created.credential.id },
    omit: { lookupHash: false, passwordHash: false },
  });
  assert.equal(row!.algorithm, "HMAC-SHA256");
  assert.equal(row!.lookupHash, credentialLookupHash(created.secret));
  assert.equal(row!.passwordHash, null);
  const plain = await getDb().credential.findUnique({ where: { id: created.credential.id } });
  assert.equal((plain as Record<string, unknown>).lookupHash, undefined, "verifier omitted by default");

  const listed = JSON.stringify(await listCredentials(created.user.id));
  assert.ok(!listed.includes(created.secret) && !listed.includes(row!.lookupHash!), "the list shows neither the secret nor its hash");

  const audit = await getDb().auditEvent.findFirst({
    where: { action: "credential.create", subjectEmail: ANN },
    orderBy: { createdAt: "desc" },
  });
  assert.equal(audit?.result, "success");
  assert.equal(JSON.parse(audit!.details).credentialId, created.credential.id);
  const everything = JSON.stringify(await getDb().auditEvent.findMany());
  assert.ok(!everything.includes(created.secret.replace(/-/g, "")) && !everything.includes(created.secret), "no secret in the audit trail");
});

test("verify: scope, account, IP ranges, expiry, disable and delete all take effect at the next check", async () => {
  await setup();
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { verifyServiceCredential } = await import("@/lib/credentials/verify-credential");
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  const { deleteCredential } = await import("@/lib/credentials/delete-credential");
  const { getDb } = await import("@/lib/db/client");
  const now = new Date();
  const c = await createCredential(
    {
      account: ANN,
      label: "Thunderbird",
      services: ["IMAP", "SMTP"],
      expiresAt: new Date(now.getTime() + 30 * DAY),
      allowedIpRanges: "192.0.2.0/24",
    },
    ACTOR,
    now,
  );
  const check = { email: ANN, secret: c.secret, service: "IMAP" as const, ip: "192.0.2.10" };
  const owner = { userId: c.user.id, id: c.credential.id };

  const later = new Date(now.getTime() + 60_000);
  assert.deepEqual(await verifyServiceCredential(check, later), { userId: c.user.id, credentialId: c.credential.id });
  const used = await getDb().credential.findUnique({ where: { id: c.credential.id } });
  assert.equal(used!.lastUsedAt?.getTime(), later.getTime());
  assert.equal(used!.lastUsedIp, "192.0.2.10");

  assert.ok(
    await verifyServiceCredential({ ...check, email: " ANN@Creds.Test ", secret: c.secret.toUpperCase().replace(/-/g, " ") }),
    "typed loosely",
  );
  assert.ok(await verifyServiceCredential({ ...check, ip: "::ffff:192.0.2.10" }), "IPv4-mapped client");
  assert.equal(await verifyServiceCredential({ ...check, service: "POP3" }), null, "out of scope");
  assert.equal(await verifyServiceCredential({ ...check, service: "WebUI" }), null, "never the web UI unless scoped");
  assert.equal(await verifyServiceCredential({ ...check, email: BOB }), null, "another account's address");
  assert.equal(await verifyServiceCredential({ ...check, ip: "198.51.100.1" }), null, "outside the IP ranges");
  assert.equal(await verifyServiceCredential({ ...check, secret: c.secret.slice(0, -1) + (c.secret.endsWith("0") ? "1" : "0") }), null);
  assert.equal(await verifyServiceCredential(check, new Date(now.getTime() + 30 * DAY)), null, "expired");
  assert.equal(await verifyServiceCredential({ ...check, secret: "" }), null);
  assert.equal(await verifyServiceCredential({ ...check, secret: "x".repeat(10_000) }), null);

  await updateCredential(owner, { enabled: false }, ACTOR);
  assert.equal(await verifyServiceCredential(check), null, "disabled");
  await updateCredential(owner, { enabled: true }, ACTOR);
  assert.ok(await verifyServiceCredential(check), "enabled again");

  const { setUserStatus } = await import("@/lib/users/set-user-status");
  await setUserStatus(ANN, "disable", ACTOR);
  assert.equal(await verifyServiceCredential(check), null, "account not active");
  await setUserStatus(ANN, "enable", ACTOR);

  await deleteCredential(owner, ACTOR);
  assert.equal(await verifyServiceCredential(check), null, "deleted");
});

test("chosen passwords: argon2id, policy-checked, never the account password, at most five", async () => {
  await setup();
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { verifyServiceCredential } = await import("@/lib/credentials/verify-credential");
  const { getDb } = await import("@/lib/db/client");
  const before = await counts();
  await assert.rejects(createCredential({ account: BOB, label: "x", services: "EAS", password: "easpass" }, ACTOR), /at least 15/);
  await assert.rejects(
    createCredential({ account: BOB, label: "x", services: "EAS", password: "bob's own account passphrase" }, ACTOR),
    /account's own password/,
  );
  assert.deepEqual(await counts(), before, "refusals write nothing");

  const chosen = "Marmalade Orbit Kettle 42";
  const c = await createCredential({ account: BOB, label: "Old phone", services: "EAS,DAV", password: chosen }, ACTOR);
  assert.equal(c.secret, chosen);
  assert.equal(c.credential.generated, false);
  const row = await getDb().credential.findUnique({ where: { id: c.credential.id }, omit: { passwordHash: false, lookupHash: false } });
  assert.match(row!.passwordHash!, /^\$argon2id\$/);
  assert.equal(row!.lookupHash, null);
  assert.equal(row!.algorithm, "argon2id");

  const check = { email: BOB, secret: chosen, service: "DAV" as const, ip: "203.0.113.5" };
  assert.deepEqual(await verifyServiceCredential(check), { userId: c.user.id, credentialId: c.credential.id });
  assert.equal(await verifyServiceCredential({ ...check, secret: chosen.toLowerCase() }), null);
  assert.equal(await verifyServiceCredential({ ...check, service: "IMAP" }), null);
  assert.equal(await verifyServiceCredential({ ...check, email: ANN }), null, "a chosen password belongs to its account only");

  for (let i = 2; i <= 5; i++)
    await createCredential({ account: BOB, label: `Chosen ${i}`, services: "EAS", password: `${chosen} number ${i}` }, ACTOR);
  await assert.rejects(
    createCredential({ account: BOB, label: "Sixth", services: "EAS", password: `${chosen} number 6` }, ACTOR),
    /at most 5/,
  );
  assert.ok(await verifyServiceCredential(check), "the oldest of five is still tried");
});

test("bad input is refused with a clear message and nothing written", async () => {
  await setup();
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const before = await counts();
  await assert.rejects(
    createCredential({ account: ANN, label: "x", services: "imap,fax" }, ACTOR),
    /Unknown service "fax"\. Valid services: WebUI, /,
  );
  await assert.rejects(createCredential({ account: ANN, label: "x", services: [] }, ACTOR), /at least one service/);
  await assert.rejects(createCredential({ account: ANN, label: "L".repeat(65), services: "EAS" }, ACTOR), /at most 64/);
  await assert.rejects(createCredential({ account: "nobody@creds.test", label: "x", services: "EAS" }, ACTOR), /User not found/);
  await assert.rejects(
    createCredential({ account: ANN, label: "x", services: "EAS", expiresAt: new Date(Date.now() - 1000) }, ACTOR),
    /in the future/,
  );
  await assert.rejects(createCredential({ account: ANN, label: "x", services: "EAS", allowedIpRanges: "10.0.0.1/8" }, ACTOR), /host bits/);
  assert.deepEqual(await counts(), before);
});

test("one account cannot see, change or delete another's credential; every change is audited", async () => {
  await setup();
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { listCredentials } = await import("@/lib/credentials/list-credentials");
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  const { deleteCredential } = await import("@/lib/credentials/delete-credential");
  const { findUser } = await import("@/lib/users/find-user");
  const { getDb } = await import("@/lib/db/client");
  const ann = await findUser(ANN);
  const bob = await findUser(BOB);
  const annsCred = await createCredential({ account: ann.id, label: "Ann laptop", services: "IMAP" }, ACTOR);

  assert.ok(!(await listCredentials(bob.id)).some((c) => c.id === annsCred.credential.id));
  const before = await counts();
  await assert.rejects(updateCredential({ userId: bob.id, id: annsCred.credential.id }, { enabled: false }, ACTOR), /Credential not found/);
  await assert.rejects(deleteCredential({ userId: bob.id, id: annsCred.credential.id }, ACTOR), /Credential not found/);
  await assert.rejects(updateCredential({ userId: ann.id, id: "NoSuchId00" }, { label: "x" }, ACTOR), /Credential not found/);
  await assert.rejects(updateCredential({ userId: ann.id, id: annsCred.credential.id }, {}, ACTOR), /Nothing to change/);
  await assert.rejects(updateCredential({ userId: ann.id, id: annsCred.credential.id }, { services: "" }, ACTOR), /at least one service/);
  assert.deepEqual(await counts(), before);
  assert.equal((await listCredentials(ann.id)).find((c) => c.id === annsCred.credential.id)?.enabled, true);

  const updated = await updateCredential(
    { userId: ann.id, id: annsCred.credential.id },
    { label: "Ann's laptop", services: "imap,smtp", enabled: false },
    ACTOR,
  );
  assert.equal(updated.label, "Ann's laptop");
  assert.deepEqual(updated.services, ["IMAP", "SMTP"]);
  assert.equal(updated.status, "disabled");
  const audit = await getDb().auditEvent.findFirst({
    where: { action: "credential.update", subjectId: ann.id },
    orderBy: { createdAt: "desc" },
  });
  assert.deepEqual(JSON.parse(audit!.details), {
    credentialId: annsCred.credential.id,
    changed: "label,enabled,services",
    label: "Ann's laptop",
    previousLabel: "Ann laptop",
    enabled: false,
    services: "IMAP,SMTP",
    previousServices: "IMAP",
  });
  await deleteCredential({ userId: ann.id, id: annsCred.credential.id }, ACTOR);
  assert.ok(await getDb().auditEvent.findFirst({ where: { action: "credential.delete", subjectId: ann.id } }));
});

test("one-time QR: single use, ten minutes, a new one replaces the old, redemption creates a MobileApp credential", async () => {
  await setup();
  const { issueQrLoginToken } = await import("@/lib/credentials/issue-qr-login-token");
  const { redeemQrLoginToken } = await import("@/lib/credentials/redeem-qr-login-token");
  const { exchangeQrLoginToken } = await import("@/lib/credentials/exchange-qr-login-token");
  const { verifyServiceCredential } = await import("@/lib/credentials/verify-credential");
  const { findUser } = await import("@/lib/users/find-user");
  const { getDb } = await import("@/lib/db/client");
  const ann = await findUser(ANN);
  const t0 = new Date();

  const first = await issueQrLoginToken(ann.id, { label: "Tablet" }, ACTOR, t0);
  assert.equal(first.expiresAt.getTime() - t0.getTime(), 10 * 60 * 1000);
  assert.equal(first.payload.auth_payload.token, first.token);
  assert.equal(first.payload.auth_payload.user, ANN);
  const stored = await getDb().oneTimeToken.findFirst({ where: { purpose: "qr_login", userId: ann.id }, omit: { tokenHash: false } });
  assert.notEqual(stored!.tokenHash, first.token, "only the hash is stored");

  const second = await issueQrLoginToken(ann.id, {}, ACTOR, t0);
  assert.equal(await redeemQrLoginToken(first.token, t0), null, "replaced by the newer one");
  assert.equal(await redeemQrLoginToken(second.token, new Date(t0.getTime() + 10 * 60 * 1000)), null, "expired after 10 minutes");
  const redeemed = await redeemQrLoginToken(second.token, new Date(t0.getTime() + 9 * 60 * 1000));
  assert.deepEqual(redeemed, { userId: ann.id, email: ANN, label: "Mobile app (one-time QR)" });
  assert.equal(await redeemQrLoginToken(second.token, new Date(t0.getTime() + 9 * 60 * 1000)), null, "single use");

  // Two phones racing with the same code: exactly one gets a credential.
  const third = await issueQrLoginToken(ann.id, { label: "Tablet" }, ACTOR);
  const results = await Promise.all([exchangeQrLoginToken(third.token, ACTOR), exchangeQrLoginToken(third.token, ACTOR)]);
  const winners = results.filter((r) => r !== null);
  assert.equal(winners.length, 1);
  const won = winners[0]!;
  assert.equal(won.auth_payload.user, ANN);
  assert.deepEqual(won.credential.services, ["MobileApp"]);
  assert.equal(won.credential.label, "Tablet");
  const check = { email: ANN, secret: won.auth_payload.password, service: "MobileApp" as const, ip: "198.51.100.20" };
  assert.ok(await verifyServiceCredential(check));
  assert.equal(await verifyServiceCredential({ ...check, service: "EAS" }), null);
  assert.ok(await getDb().auditEvent.findFirst({ where: { action: "credential.qr_token.redeem", subjectId: ann.id } }));
  assert.equal(await exchangeQrLoginToken("garbage-token-that-is-long-enough", ACTOR), null);
});
