import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase } from "./support";
import { HOUR, NEW_PASSWORD, T0, at, audits, client, lib, newHire, theAdmin, unusable } from "./auth-link-fixtures";

useTestDatabase();

// Auth links (issue 10), continued: what redeeming leads to, permanent links, the resets that end
// every link, and the welcome page's read-only, throttled look-up.

test("redeeming sets the password and leads to enrolment, a code, or straight in", async () => {
  const { db, createAuthLink, redeemTemporaryAuthLink } = await lib();
  const { verifyAccountPassword } = await import("@/lib/auth/verify-account-password");
  const { findLoginTicket } = await import("@/lib/auth/login-ticket");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { setUserTwoFactorRequired } = await import("@/lib/two-factor/requirements/set-two-factor-requirement");
  const { provisionTotpDevice } = await import("@/lib/two-factor/devices/provision-totp-device");
  const boss = await theAdmin();

  // No second factor required: signed in with authMethod "link".
  const plain = await newHire();
  const a = await createAuthLink({ userId: plain.id }, boss, T0);
  await assert.rejects(
    redeemTemporaryAuthLink(a.token, "short", client(), T0),
    (e: Error & { fieldErrors?: Record<string, string[]> }) => !!e.fieldErrors?.password,
  );
  const ready = await redeemTemporaryAuthLink(a.token, NEW_PASSWORD, client(), T0);
  assert.equal(ready.stage, "ready");
  assert.ok(await verifyAccountPassword(plain.email, NEW_PASSWORD, { ip: "127.0.0.1", service: "WebUI" }));
  const signedIn = await completeSignIn(ready.ticket, client(), T0);
  assert.ok(signedIn);
  const session = await db.session.findFirstOrThrow({ where: { userId: plain.id } });
  assert.equal(session.authMethod, "link");

  // Required and past the grace period (and after a 2FA reset): enrolment, on a ticket that lasts 30 minutes.
  const required = await newHire();
  await setUserTwoFactorRequired(required.id, true, boss, at(-30 * 24 * HOUR));
  const b = await createAuthLink({ userId: required.id }, boss, T0);
  const enrol = await redeemTemporaryAuthLink(b.token, NEW_PASSWORD, client(), T0);
  assert.equal(enrol.stage, "enrol");
  assert.equal((await findLoginTicket(enrol.ticket, at(25 * 60 * 1000)))?.stage, "enrol", "still there after 25 minutes");
  assert.equal(await findLoginTicket(enrol.ticket, at(31 * 60 * 1000)), null);
  assert.equal(await completeSignIn(enrol.ticket, client(), T0), null, "no session before enrolment");
  // 25 minutes later (installing the app took a while) the enrolment at sign-in takes the link's ticket.
  const { startEnrolmentAtSignIn, confirmEnrolmentAtSignIn } = await import("@/lib/auth/enrol-at-sign-in");
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  const later = at(25 * 60 * 1000);
  const device = await startEnrolmentAtSignIn(enrol.ticket, { label: "Phone" }, client(), later);
  const code = computeTotp(device.secret, { algorithm: "SHA1", digits: 6, period: 30 }, later.getTime());
  const { recoveryCodes } = await confirmEnrolmentAtSignIn(enrol.ticket, device.deviceId, code, client(), later);
  assert.ok(recoveryCodes && recoveryCodes.length > 0, "recovery codes, shown once");
  assert.ok(await completeSignIn(enrol.ticket, client(), later), "signed in after enrolment");
  const enrolledSession = await db.session.findFirstOrThrow({ where: { userId: required.id } });
  assert.equal(enrolledSession.authMethod, "otp", "the session was proved with the new device's code");

  // An authenticator already set up: the link replaces the password, not the device.
  const enrolled = await newHire();
  await provisionTotpDevice(enrolled.id, { options: {} }, boss, T0);
  const c = await createAuthLink({ userId: enrolled.id }, boss, T0);
  assert.equal((await redeemTemporaryAuthLink(c.token, NEW_PASSWORD, client(), T0)).stage, "otp");
});

test("a permanent link works again and again, from its IP ranges only, until revoked", async () => {
  const { db, createAuthLink, listAuthLinks, revokeAuthLinks, redeemPermanentAuthLink, redeemTemporaryAuthLink } = await lib();
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { findActiveSession } = await import("@/lib/sessions/session-store");
  const boss = await theAdmin();
  const hire = await newHire();
  const link = await createAuthLink(
    { userId: hire.id, permanent: true, confirmPermanent: true, allowedIpRanges: "10.0.0.0/8, 192.168.1.0/24" },
    boss,
    T0,
  );
  assert.equal(link.expiresAt, null);
  assert.equal(link.permanent, true);
  assert.deepEqual((await listAuthLinks(hire.id, T0))[0].allowedIpRanges, ["10.0.0.0/8", "192.168.1.0/24"]);
  assert.equal((await audits("auth_link.create", hire.id))[0].details.ipRanges, "10.0.0.0/8,192.168.1.0/24");

  const first = await redeemPermanentAuthLink(link.token, client("10.1.2.3"), at(HOUR));
  const second = await redeemPermanentAuthLink(link.token, client("192.168.1.20"), at(2 * HOUR));
  assert.deepEqual([first.stage, second.stage], ["ready", "ready"]);
  await unusable(redeemPermanentAuthLink(link.token, client("203.0.113.9"), at(2 * HOUR)));
  await unusable(redeemTemporaryAuthLink(link.token, NEW_PASSWORD, client("10.1.2.3"), at(2 * HOUR)));
  const [view] = await listAuthLinks(hire.id, at(3 * HOUR));
  assert.deepEqual([view.state, view.useCount, view.usedIp], ["pending", 2, "192.168.1.20"]);
  assert.deepEqual(
    (await audits("auth_link.use", hire.id)).map((a) => [a.result, a.details.reason ?? null]),
    [
      ["success", null],
      ["success", null],
      ["failure", "ip_not_allowed"],
      ["failure", "not_temporary"],
    ],
  );
  // The session is the WebUI's: no fresh proof for account settings.
  const signedIn = await completeSignIn(second.ticket, client("192.168.1.20"), at(2 * HOUR));
  const row = await db.session.findFirstOrThrow({ where: { userId: hire.id } });
  assert.equal(row.authMethod, "permanent_link");
  assert.equal(row.verifiedAt, null);
  assert.ok(signedIn);

  assert.equal(await revokeAuthLinks(hire.id, "all", boss, at(3 * HOUR)), 1);
  await unusable(redeemPermanentAuthLink(link.token, client("10.1.2.3"), at(4 * HOUR)));
  assert.equal((await listAuthLinks(hire.id, at(4 * HOUR)))[0].state, "revoked");

  // An administrator's permanent link opens no admin session.
  const adminLink = await createAuthLink({ userId: boss.id, permanent: true, confirmPermanent: true }, boss, T0);
  const adminTicket = await redeemPermanentAuthLink(adminLink.token, client("10.9.9.9"), T0);
  const adminSession = await db.$transaction(async (tx) => {
    const { createSession } = await import("@/lib/sessions/session-store");
    const { consumeReadyTicket } = await import("@/lib/auth/login-ticket");
    const taken = await consumeReadyTicket(tx, adminTicket.ticket, T0);
    return createSession(tx, { userId: boss.id, authMethod: taken!.authMethod }, T0);
  });
  assert.equal((await findActiveSession(adminSession, T0))?.role, "user");
  await revokeAuthLinks(boss.id, "all", boss, T0);
});

test("a password reset, a 2FA reset and a disable revoke the pending links; a new link afterwards works", async () => {
  const { createAuthLink, listAuthLinks, redeemTemporaryAuthLink, redeemPermanentAuthLink } = await lib();
  const { setUserPassword } = await import("@/lib/users/set-user-password");
  const { resetTwoFactor } = await import("@/lib/two-factor/requirements/reset-two-factor");
  const { setUserStatus } = await import("@/lib/users/set-user-status");
  const boss = await theAdmin();
  const now = new Date();
  const resets: [string, (id: string) => Promise<unknown>, string][] = [
    ["password reset", (id) => setUserPassword(id, "an entirely fresh passphrase", boss), "user.password.reset"],
    ["2FA reset", (id) => resetTwoFactor(id, boss), "2fa.reset"],
    ["disable", (id) => setUserStatus(id, "disable", boss), "user.disable"],
  ];
  for (const [name, reset, action] of resets) {
    const hire = await newHire();
    const temporary = await createAuthLink({ userId: hire.id }, boss, now);
    const permanent = await createAuthLink({ userId: hire.id, permanent: true, confirmPermanent: true }, boss, now);
    const result = (await reset(hire.id)) as { authLinks?: number };
    if (name !== "disable") assert.equal(result.authLinks, 2, `${name}: both links counted`);
    assert.equal((await audits(action, hire.id))[0].details.authLinksRevoked, 2, `${name}: in the audit row`);
    assert.deepEqual(
      (await listAuthLinks(hire.id, now)).map((v) => v.state),
      ["revoked", "revoked"],
      name,
    );
    await unusable(redeemTemporaryAuthLink(temporary.token, NEW_PASSWORD, client(), now));
    await unusable(redeemPermanentAuthLink(permanent.token, client(), now));
    if (name === "disable") {
      // Links may be made for a disabled account, but work only once it is active again.
      const waiting = await createAuthLink({ userId: hire.id }, boss, now);
      await unusable(redeemTemporaryAuthLink(waiting.token, NEW_PASSWORD, client(), now));
      await setUserStatus(hire.id, "enable", boss);
    }
    const fresh = await createAuthLink({ userId: hire.id }, boss, now);
    assert.equal((await redeemTemporaryAuthLink(fresh.token, NEW_PASSWORD, client(), now)).stage, "ready", `${name}: a new link works`);
  }
});

test("the welcome page's look-up: who and by whom for a good link, null for every other case, and throttled per IP", async () => {
  const { db, createAuthLink, revokeAuthLinks, openAuthLink, redeemTemporaryAuthLink } = await lib();
  const boss = await theAdmin();
  const hire = await newHire();
  const link = await createAuthLink({ userId: hire.id }, boss, T0);
  const opened = await openAuthLink(link.token, client("203.0.113.50"), T0);
  assert.deepEqual(opened, {
    linkId: link.id,
    permanent: false,
    email: hire.email,
    displayName: "",
    inviter: "Grace Hopper",
    expiresAt: link.expiresAt,
    needsSecondFactor: false,
  });
  assert.equal(await db.throttleCounter.count({ where: { key: "ip:203.0.113.50" } }), 0, "a good open counts nothing");
  assert.equal((await db.authLink.findUniqueOrThrow({ where: { id: link.id } })).usedAt, null, "and changes nothing");

  const cli = await newHire();
  const fromCli = await createAuthLink({ userId: cli.id }, { email: "cli:root", ip: "" }, T0);
  assert.equal((await openAuthLink(fromCli.token, client("203.0.113.50"), T0))?.inviter, "", "the CLI is no person to name");

  const ip = "203.0.113.60";
  const tampered = link.token.slice(0, -1) + (link.token.endsWith("A") ? "B" : "A");
  assert.equal(await openAuthLink(tampered, client(ip), T0), null, "tampered");
  assert.equal(await openAuthLink("x".repeat(129), client(ip), T0), null, "too long");
  const used = await createAuthLink({ userId: (await newHire()).id }, boss, T0);
  await redeemTemporaryAuthLink(used.token, NEW_PASSWORD, client(), T0);
  assert.equal(await openAuthLink(used.token, client(ip), T0), null, "used");
  const revoked = await createAuthLink({ userId: (await newHire()).id }, boss, T0);
  await revokeAuthLinks((await db.authLink.findUniqueOrThrow({ where: { id: revoked.id } })).userId, "all", boss, T0);
  assert.equal(await openAuthLink(revoked.token, client(ip), T0), null, "revoked");
  assert.equal((await db.throttleCounter.findUniqueOrThrow({ where: { key: `ip:${ip}` } })).failures, 4, "each failed open counted");
  assert.equal(await openAuthLink(link.token, client("203.0.113.70"), at(12 * HOUR)), null, "expired");

  // Past the IP's free failures even the good link opens null from that address, not from others.
  for (let i = 0; i < 16; i++) await openAuthLink(`guess${i}`, client(ip), T0);
  assert.equal(await openAuthLink(link.token, client(ip), T0), null, "throttled");
  await unusable(redeemTemporaryAuthLink(link.token, NEW_PASSWORD, client(ip), T0));
  assert.equal((await openAuthLink(link.token, client("203.0.113.61"), T0))?.linkId, link.id);
});
