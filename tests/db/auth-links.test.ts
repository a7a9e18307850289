import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase } from "./support";
import { HOUR, NEW_PASSWORD, T0, at, audits, client, lib, newHire, theAdmin, unusable } from "./auth-link-fixtures";

useTestDatabase();

// Auth links (issue 10) against a real database: the states an admin sees, bad input, and the
// single use that holds under parallel requests. Redeeming, permanent links, the resets that end
// them and the welcome page's look-up are in auth-link-redeem.test.ts.

test("a temporary link: shown once, stored hashed, listed pending, then used; a new one replaces the older pending one", async () => {
  const { db, createAuthLink, listAuthLinks, redeemTemporaryAuthLink } = await lib();
  const boss = await theAdmin();
  const hire = await newHire();
  const first = await createAuthLink({ userId: hire.id }, boss, T0);
  assert.match(first.token, /^[A-Za-z0-9_-]{43}$/, "256 bits, base64url");
  assert.equal(first.url, `http://localhost:3000/link/${first.token}`);
  assert.equal(first.permanent, false);
  assert.equal(first.expiresAt?.getTime(), at(12 * HOUR).getTime(), "the domain's default lifetime: 12 hours");
  const stored = await db.authLink.findUniqueOrThrow({ where: { id: first.id }, omit: { tokenHash: false } });
  assert.notEqual(stored.tokenHash, first.token, "only the hash is stored");
  assert.equal(stored.createdByEmail, boss.email);

  const second = await createAuthLink({ userId: hire.email, hours: 3 }, boss, at(HOUR));
  assert.equal(second.expiresAt?.getTime(), at(4 * HOUR).getTime());
  let views = await listAuthLinks(hire.id, at(HOUR));
  assert.deepEqual(
    views.map((v) => [v.id, v.state]),
    [
      [second.id, "pending"],
      [first.id, "revoked"],
    ],
    "newest first; the older pending link was revoked",
  );
  await unusable(redeemTemporaryAuthLink(first.token, NEW_PASSWORD, client(), at(HOUR)));

  await redeemTemporaryAuthLink(second.token, NEW_PASSWORD, client("203.0.113.5"), at(2 * HOUR));
  views = await listAuthLinks(hire.id, at(2 * HOUR));
  const used = views.find((v) => v.id === second.id)!;
  assert.equal(used.state, "used");
  assert.equal(used.usedIp, "203.0.113.5");
  assert.equal(used.usedAt?.getTime(), at(2 * HOUR).getTime());
  assert.equal(used.useCount, 1);
  assert.equal(used.createdByEmail, boss.email);

  // Every change wrote its audit row, none with the token in it.
  const created = await audits("auth_link.create", hire.id);
  assert.deepEqual(
    created.map((a) => [a.result, a.details.linkId, a.details.permanent, a.details.replaced]),
    [
      ["success", first.id, false, 0],
      ["success", second.id, false, 1],
    ],
  );
  assert.equal(created[0].details.expiresAt, at(12 * HOUR).toISOString());
  assert.deepEqual(
    (await audits("auth_link.revoke", hire.id)).map((a) => [a.details.which, a.details.count]),
    [["replaced", 1]],
  );
  const uses = await audits("auth_link.use", hire.id);
  assert.deepEqual(
    uses.map((a) => [a.result, a.details.linkId, a.details.reason ?? null]),
    [
      ["failure", first.id, "revoked"],
      ["success", second.id, null],
    ],
  );
  const everything = JSON.stringify(await db.auditEvent.findMany({ where: { subjectId: hire.id } }));
  assert.ok(!everything.includes(first.token) && !everything.includes(second.token), "no token in the audit trail");
});

test("states: a pending link expires with time, and a revoked one says so", async () => {
  const { createAuthLink, listAuthLinks, revokeAuthLinks } = await lib();
  const boss = await theAdmin();
  const hire = await newHire();
  const link = await createAuthLink({ userId: hire.id, hours: 1 }, boss, T0);
  assert.equal((await listAuthLinks(hire.id, at(HOUR - 1000)))[0].state, "pending");
  assert.equal((await listAuthLinks(hire.id, at(HOUR)))[0].state, "expired");
  assert.equal(await revokeAuthLinks(hire.id, link.id, boss, at(HOUR)), 0, "an expired link is not revoked again");

  const other = await createAuthLink({ userId: hire.id }, boss, at(2 * HOUR));
  assert.equal(await revokeAuthLinks(hire.email, other.id, boss, at(2 * HOUR)), 1);
  const [view] = await listAuthLinks(hire.id, at(2 * HOUR));
  assert.deepEqual([view.id, view.state], [other.id, "revoked"]);
  assert.deepEqual(
    (await audits("auth_link.revoke", hire.id)).map((a) => [a.details.which, a.details.linkId, a.details.count]),
    [["one", other.id, 1]],
  );
  await assert.rejects(revokeAuthLinks(hire.id, "no-such-link", boss, T0), (e: Error & { code?: string }) => e.code === "not_found");
  const stranger = await newHire();
  await assert.rejects(revokeAuthLinks(stranger.id, other.id, boss, T0), /no such auth link/, "another account's link is not found");
});

test("bad input is refused before anything is written", async () => {
  const { db, createAuthLink } = await lib();
  const boss = await theAdmin();
  const hire = await newHire();
  const before = await db.authLink.count();
  const refused = async (input: Parameters<typeof createAuthLink>[0], field: string, message: RegExp) =>
    assert.rejects(createAuthLink(input, boss, T0), (e: Error & { code?: string; fieldErrors?: Record<string, string[]> }) => {
      assert.equal(e.code, "invalid_input");
      assert.ok(e.fieldErrors?.[field], `a field error under ${field}`);
      assert.match(e.message, message);
      return true;
    });
  for (const hours of [0, 169, 1.5, -3, Number.NaN])
    await refused({ userId: hire.id, hours }, "hours", /whole number of hours from 1 to 168/);
  await refused({ userId: hire.id, permanent: true, hours: 5, confirmPermanent: true }, "hours", /does not expire/);
  await refused({ userId: hire.id, permanent: true }, "confirmPermanent", /without its password or second factor/);
  await refused({ userId: hire.id, permanent: true, confirmPermanent: true, allowedIpRanges: "10.0.0.1/8" }, "allowedIpRanges", /CIDR/);
  await refused({ userId: hire.id, allowedIpRanges: "10.0.0.0/8" }, "allowedIpRanges", /only limit a permanent link/);
  await assert.rejects(createAuthLink({ userId: "nobody@links.test" }, boss, T0), (e: Error & { code?: string }) => e.code === "not_found");
  assert.equal(await db.authLink.count(), before, "nothing written");

  // The default lifetime is the domain's.
  const domain = hire.email.split("@")[1];
  await db.domain.update({ where: { name: domain }, data: { authLinkHours: 48 } });
  const link = await createAuthLink({ userId: hire.id }, boss, T0);
  assert.equal(link.expiresAt?.getTime(), at(48 * HOUR).getTime());
});

test("twenty parallel redeems of one link: exactly one sets the password", async () => {
  const { db, createAuthLink, redeemTemporaryAuthLink } = await lib();
  const { verifyAccountPassword } = await import("@/lib/auth/verify-account-password");
  const hire = await newHire();
  const link = await createAuthLink({ userId: hire.id }, await theAdmin(), T0);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      redeemTemporaryAuthLink(link.token, `${NEW_PASSWORD} number ${i}`, client(`192.0.2.${i + 1}`), at(HOUR)),
    ),
  );
  const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
  assert.equal(won.length, 1, "exactly one winner");
  for (const o of outcomes) if (o.status === "rejected") assert.equal((o.reason as { code?: string }).code, "link_unusable");
  const row = await db.authLink.findUniqueOrThrow({ where: { id: link.id } });
  assert.equal(row.useCount, 1);
  assert.equal(row.usedIp, `192.0.2.${won[0] + 1}`);
  assert.equal((await audits("auth_link.use", hire.id)).filter((a) => a.result === "success").length, 1);
  const winner = `${NEW_PASSWORD} number ${won[0]}`;
  assert.ok(await verifyAccountPassword(hire.email, winner, { ip: "127.0.0.1", service: "WebUI" }), "the winner's password is set");
});
