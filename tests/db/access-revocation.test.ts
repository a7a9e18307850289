import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// Access that must end: resets revoke service credentials and one-time QR codes (unless kept), a
// web session opened with a credential is checked against it on every request, and a credential
// an admin disabled stays off for its owner.
const PASSWORD = "a lantern over the quiet harbour";
const ADMIN = { id: "admin-id", email: "admin@revoke.test", ip: "127.0.0.1", userAgent: "node-test" };
let accounts = 0;

async function account(password = PASSWORD) {
  const { createUser } = await import("@/lib/users/create-user");
  const email = `user${++accounts}@revoke.test`;
  const user = await createUser({ email, password, createDomain: true }, ACTOR);
  return { id: user.id, email };
}

/** A generated IMAP credential and an unused one-time QR code, the two things a reset must take. */
async function waysIn(user: { id: string; email: string }) {
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { issueQrLoginToken } = await import("@/lib/credentials/issue-qr-login-token");
  const imap = await createCredential({ account: user.id, label: "Mail client", services: ["IMAP"] }, ACTOR);
  const qr = await issueQrLoginToken(user.id, { label: "New phone" }, ACTOR);
  return { imapSecret: imap.secret, qrToken: qr.token };
}

async function imapWorks(email: string, secret: string): Promise<boolean> {
  const { verifyServiceCredential } = await import("@/lib/credentials/verify-credential");
  return !!(await verifyServiceCredential({ email, secret, service: "IMAP", ip: "127.0.0.1" }));
}

async function qrRedeems(token: string): Promise<boolean> {
  const { exchangeQrLoginToken } = await import("@/lib/credentials/exchange-qr-login-token");
  return !!(await exchangeQrLoginToken(token, ACTOR));
}

async function lastAudit(action: string, subjectId: string): Promise<Record<string, unknown>> {
  const { getDb } = await import("@/lib/db/client");
  const row = await getDb().auditEvent.findFirst({ where: { action, subjectId }, orderBy: { createdAt: "desc" } });
  assert.ok(row, `an ${action} audit event`);
  return JSON.parse(row.details) as Record<string, unknown>;
}

test("an admin password reset revokes the user's credentials and unused QR codes, and says how many", async () => {
  const { setUserPassword } = await import("@/lib/users/set-user-password");
  const user = await account();
  const { imapSecret, qrToken } = await waysIn(user);
  assert.equal(await imapWorks(user.email, imapSecret), true, "works before the reset");

  const revoked = await setUserPassword(user.id, "a brand new lantern passphrase", ADMIN);
  assert.equal(revoked.credentials, 1);
  assert.equal(revoked.qrTokens, 1);
  assert.equal(await imapWorks(user.email, imapSecret), false, "the IMAP credential no longer verifies");
  assert.equal(await qrRedeems(qrToken), false, "the one-time QR code no longer redeems");
  assert.deepEqual(await lastAudit("user.password.reset", user.id), {
    sessionsRevoked: 0,
    trustedDevicesRevoked: 0,
    credentialsRevoked: 1,
    qrTokensRevoked: 1,
    authLinksRevoked: 0,
    keepCredentials: false,
  });
});

test("an admin password reset with keepCredentials leaves both working", async () => {
  const { setUserPassword } = await import("@/lib/users/set-user-password");
  const user = await account();
  const { imapSecret, qrToken } = await waysIn(user);
  const revoked = await setUserPassword(user.id, "a brand new lantern passphrase", ADMIN, { keepCredentials: true });
  assert.equal(revoked.credentials, 0);
  assert.equal(revoked.qrTokens, 0);
  assert.equal(await imapWorks(user.email, imapSecret), true);
  assert.equal(await qrRedeems(qrToken), true);
  assert.equal((await lastAudit("user.password.reset", user.id)).keepCredentials, true);
});

test("a 2FA reset revokes credentials and QR codes unless kept", async () => {
  const { resetTwoFactor } = await import("@/lib/two-factor/requirements/reset-two-factor");
  const revokedUser = await account();
  const gone = await waysIn(revokedUser);
  const reset = await resetTwoFactor(revokedUser.email, ADMIN);
  assert.equal(reset.credentials, 1);
  assert.equal(reset.qrTokens, 1);
  assert.equal(await imapWorks(revokedUser.email, gone.imapSecret), false);
  assert.equal(await qrRedeems(gone.qrToken), false);
  assert.equal((await lastAudit("2fa.reset", revokedUser.id)).credentialsRevoked, 1);

  const keptUser = await account();
  const kept = await waysIn(keptUser);
  const keptReset = await resetTwoFactor(keptUser.email, ADMIN, { keepCredentials: true });
  assert.equal(keptReset.credentials, 0);
  assert.equal(await imapWorks(keptUser.email, kept.imapSecret), true);
  assert.equal(await qrRedeems(kept.qrToken), true);
});

test("changing one's own password signs out app passwords and devices when asked (the default), not otherwise", async () => {
  const { changeOwnPassword } = await import("@/lib/users/change-own-password");
  const { countRevocableCredentials } = await import("@/lib/credentials/count-revocable-credentials");
  const on = await account();
  const onWays = await waysIn(on);
  assert.deepEqual(await countRevocableCredentials(on.id), { credentials: 1, qrTokens: 1 }, "the count the form shows");
  const revoked = await changeOwnPassword(on.id, { currentPassword: PASSWORD, newPassword: "my own new lantern passphrase" }, ACTOR);
  assert.equal(revoked.credentials, 1);
  assert.equal(await imapWorks(on.email, onWays.imapSecret), false);
  assert.equal(await qrRedeems(onWays.qrToken), false);
  assert.deepEqual(await countRevocableCredentials(on.id), { credentials: 0, qrTokens: 0 });

  const off = await account();
  const offWays = await waysIn(off);
  const kept = await changeOwnPassword(
    off.id,
    { currentPassword: PASSWORD, newPassword: "my own new lantern passphrase", keepCredentials: true },
    ACTOR,
  );
  assert.equal(kept.credentials, 0);
  assert.equal(await imapWorks(off.email, offWays.imapSecret), true);
  assert.equal(await qrRedeems(offWays.qrToken), true);
});

// ---- A web session opened with a credential, checked on every request ----------------------

async function credentialSession(opts: { allowedIpRanges?: string; expiresAt?: Date } = {}, now = new Date()) {
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const user = await account();
  const created = await createCredential(
    { account: user.id, label: "Kiosk", services: ["WebUI"], allowedIpRanges: opts.allowedIpRanges, expiresAt: opts.expiresAt },
    ACTOR,
    now,
  );
  const { ticket, stage } = await beginPasswordSignIn({ email: user.email, password: created.secret }, ACTOR, now);
  assert.equal(stage, "ready");
  const done = await completeSignIn(ticket, ACTOR, now);
  assert.ok(done);
  return { user, credentialId: created.credential.id, raw: done.sessionId };
}

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
const HERE = { ip: "127.0.0.1" };

test("a credential session ends at the first request after its credential expires", async () => {
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const t0 = new Date();
  const s = await credentialSession({ expiresAt: minutes(t0, 10) }, t0);
  assert.equal((await findActiveSession(s.raw, minutes(t0, 9), HERE))?.authMethod, "credential");
  assert.equal(await findActiveSession(s.raw, minutes(t0, 11), HERE), null, "refused once the credential has expired");
  assert.equal(await findActiveSession(s.raw, minutes(t0, 9), HERE), null, "and the session is gone for good");
});

test("a credential session ends at the first request after its credential is disabled or deleted by any path", async () => {
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  // Straight to the row, bypassing updateCredential's own clean-up: the request check alone must catch it.
  const disabled = await credentialSession();
  assert.ok(await findActiveSession(disabled.raw, new Date(), HERE));
  await getDb().credential.update({ where: { id: disabled.credentialId }, data: { enabled: false } });
  assert.equal(await findActiveSession(disabled.raw, new Date(), HERE), null);
  await getDb().credential.update({ where: { id: disabled.credentialId }, data: { enabled: true } });
  assert.equal(await findActiveSession(disabled.raw, new Date(), HERE), null, "turning it back on does not revive the session");

  const deleted = await credentialSession();
  await getDb().credential.deleteMany({ where: { id: deleted.credentialId } });
  assert.equal(await findActiveSession(deleted.raw, new Date(), HERE), null);
});

test("a credential session ends when a request comes from outside the credential's IP ranges", async () => {
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const s = await credentialSession({ allowedIpRanges: "127.0.0.1/32" });
  assert.ok(await findActiveSession(s.raw, new Date(), { ip: "127.0.0.1" }));
  assert.equal(await findActiveSession(s.raw, new Date(), { ip: "127.0.0.2" }), null, "another address is refused");
  assert.equal(await findActiveSession(s.raw, new Date(), { ip: "127.0.0.1" }), null, "and the session has ended");

  const unknown = await credentialSession({ allowedIpRanges: "127.0.0.1/32" });
  assert.equal(await findActiveSession(unknown.raw, new Date()), null, "an unknown address is outside every range");
});

test("a password session needs no address and is not touched by the credential check", async () => {
  const { createSession, findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  const user = await account();
  const raw = await getDb().$transaction((tx) => createSession(tx, { userId: user.id, authMethod: "password" }));
  assert.equal((await findActiveSession(raw))?.email, user.email);
});

// ---- Admin-disabled credentials ------------------------------------------------------------

test("the owner cannot re-enable a credential an admin disabled, but can re-enable their own; an admin can", async () => {
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  const { listCredentials } = await import("@/lib/credentials/list-credentials");
  const user = await account();
  const created = await createCredential({ account: user.id, label: "Phone", services: ["EAS"] }, ACTOR);
  const owner = { userId: user.id, id: created.credential.id };

  const own = await updateCredential(owner, { enabled: false }, ACTOR, { by: "user" });
  assert.equal(own.disabledBy, "user");
  assert.equal((await updateCredential(owner, { enabled: true }, ACTOR, { by: "user" })).enabled, true, "their own switch-off");

  assert.equal((await updateCredential(owner, { enabled: false }, ADMIN, { by: "admin" })).disabledBy, "admin");
  await assert.rejects(updateCredential(owner, { enabled: true }, ACTOR, { by: "user" }), {
    code: "forbidden",
    message: "An administrator disabled this credential; only an administrator can enable it again.",
  });
  await assert.rejects(updateCredential(owner, { enabled: true }, ACTOR), { code: "forbidden" }, "the owner is the default editor");
  // Switching it off again, or renaming it, does not take the admin's mark away.
  await updateCredential(owner, { enabled: false, label: "Old phone" }, ACTOR, { by: "user" });
  const listed = (await listCredentials(user.id))[0];
  assert.equal(listed.enabled, false);
  assert.equal(listed.disabledBy, "admin");

  const back = await updateCredential(owner, { enabled: true }, ADMIN, { by: "admin" });
  assert.equal(back.enabled, true);
  assert.equal(back.disabledBy, null);
});

test("an owner's enable racing an admin's disable never undoes the disable", async () => {
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  const { getDb } = await import("@/lib/db/client");
  const user = await account();
  const created = await createCredential({ account: user.id, label: "Tablet", services: ["EAS"] }, ACTOR);
  const owner = { userId: user.id, id: created.credential.id };
  const results = await Promise.allSettled([
    ...Array.from({ length: 6 }, () => updateCredential(owner, { enabled: true }, ACTOR, { by: "user" })),
    updateCredential(owner, { enabled: false }, ADMIN, { by: "admin" }),
    ...Array.from({ length: 6 }, () => updateCredential(owner, { enabled: true }, ACTOR, { by: "user" })),
  ]);
  assert.equal(results[6].status, "fulfilled", "the admin's disable went through");
  const row = await getDb().credential.findUniqueOrThrow({ where: { id: owner.id } });
  assert.equal(row.enabled, false, "however the owner's enables interleaved");
  assert.equal(row.disabledBy, "admin");
});
