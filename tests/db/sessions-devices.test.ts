import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

const NOW = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function setup() {
  const { createUser } = await import("@/lib/users/create-user");
  const { createSession, findActiveSession } = await import("@/lib/sessions/session-store");
  const { getDb } = await import("@/lib/db/client");
  const password = "plenty long passphrase for tests";
  const ann = await createUser({ email: `ann-${Math.random().toString(36).slice(2, 8)}@example.com`, password, createDomain: true }, ACTOR);
  const bob = await createUser({ email: `bob-${Math.random().toString(36).slice(2, 8)}@example.com`, password, createDomain: true }, ACTOR);
  const open = (userId: string, userAgent: string, ip: string, at = NOW) =>
    getDb().$transaction((tx) => createSession(tx, { userId, authMethod: "password", userAgent, ip }, at));
  const { sha256Hex } = await import("@/lib/crypto/tokens");
  // The row id as findActiveSession reports it, without touching lastSeenAt.
  const rowId = async (raw: string) => sha256Hex(raw);
  return { ann, bob, open, rowId, findActiveSession };
}

test("sessions are listed with device, IP and times, the current one marked; ended ones are left out", async () => {
  const { listSessions } = await import("@/lib/sessions/list-sessions");
  const { ann, bob, open, rowId } = await setup();
  const laptop = await open(ann.id, FIREFOX, "192.0.2.10", minutes(-5));
  const phone = await open(ann.id, IPHONE, "2001:db8::7", minutes(-1));
  await open(ann.id, FIREFOX, "192.0.2.11", minutes(-60)); // idle past the 30-minute limit
  await open(bob.id, FIREFOX, "198.51.100.1");

  const current = await rowId(laptop);
  const list = await listSessions(ann.id, { currentSessionId: current }, NOW);
  assert.deepEqual(
    list.map((s) => [s.device, s.ip, s.current]),
    [
      [{ browser: "Safari", os: "iPhone" }, "2001:db8::7", false],
      [{ browser: "Firefox", os: "Linux" }, "192.0.2.10", true],
    ],
  );
  assert.equal(list[1].createdAt.getTime(), minutes(-5).getTime());
  assert.ok(
    list.every((s) => s.id !== current && s.id.length === 32),
    "the list carries handles, not session keys",
  );
  assert.ok(!JSON.stringify(list).includes(await rowId(phone)));
});

test("revoking another session signs that browser out; the current one and other users' are refused", async () => {
  const { listSessions } = await import("@/lib/sessions/list-sessions");
  const { revokeSession } = await import("@/lib/sessions/revoke-session");
  const { ann, bob, open, rowId, findActiveSession } = await setup();
  const laptop = await open(ann.id, FIREFOX, "192.0.2.10");
  const phone = await open(ann.id, IPHONE, "192.0.2.20");
  const bobs = await open(bob.id, FIREFOX, "198.51.100.1");
  const currentSessionId = await rowId(laptop);
  const annSessions = await listSessions(ann.id, { currentSessionId }, NOW);
  const phoneView = annSessions.find((s) => !s.current)!;
  const laptopView = annSessions.find((s) => s.current)!;
  const [bobView] = await listSessions(bob.id, {}, NOW);

  await assert.rejects(revokeSession(ann.id, laptopView.id, ACTOR, { currentSessionId }), /Sign out instead/);
  await assert.rejects(
    revokeSession(ann.id, bobView.id, ACTOR, { currentSessionId }),
    /already ended/,
    "another user's session is not found",
  );
  assert.ok(await findActiveSession(bobs, NOW));

  assert.deepEqual(await revokeSession(ann.id, phoneView.id, ACTOR, { currentSessionId }), { revoked: 1 });
  assert.equal(await findActiveSession(phone, NOW), null, "the phone is signed out");
  assert.ok(await findActiveSession(laptop, NOW), "this browser stays in");
  await assert.rejects(revokeSession(ann.id, phoneView.id, ACTOR, { currentSessionId }), /already ended/);

  await open(ann.id, IPHONE, "192.0.2.21");
  await open(ann.id, IPHONE, "192.0.2.22");
  assert.deepEqual(await revokeSession(ann.id, "others", ACTOR, { currentSessionId }), { revoked: 2 });
  assert.equal((await listSessions(ann.id, { currentSessionId }, NOW)).length, 1);
  assert.ok(await findActiveSession(bobs, NOW), "other users keep their sessions");
});

test("trusted devices: listed until they expire, revoked one at a time or all, never across users", async () => {
  const { trustDevice } = await import("@/lib/trusted-devices/trust-device");
  const { findTrustedDevice } = await import("@/lib/trusted-devices/trusted-device-cookie");
  const { listTrustedDevices } = await import("@/lib/trusted-devices/list-trusted-devices");
  const { revokeTrustedDevice } = await import("@/lib/trusted-devices/revoke-trusted-device");
  const { getDb } = await import("@/lib/db/client");
  const { ann, bob } = await setup();
  const trust = (userId: string, description: string, ip: string, lifetimeDays: number, at = NOW) =>
    getDb().$transaction((tx) => trustDevice(tx, { userId, description, ip, lifetimeDays }, at));
  const laptop = await trust(ann.id, "Firefox on Linux", "192.0.2.10", 30, minutes(-10));
  const phone = await trust(ann.id, "Safari on iPhone", "192.0.2.20", 30);
  await trust(ann.id, "Old tablet", "192.0.2.30", 1, minutes(-2 * 24 * 60)); // expired yesterday
  const bobs = await trust(bob.id, "Chrome on Windows", "198.51.100.1", 30);

  const list = await listTrustedDevices(ann.id, NOW);
  assert.deepEqual(
    list.map((d) => [d.description, d.device, d.ip]),
    [
      ["Safari on iPhone", { browser: "Safari", os: "iPhone" }, "192.0.2.20"],
      ["Firefox on Linux", { browser: "Firefox", os: "Linux" }, "192.0.2.10"],
    ],
  );
  assert.ok(!("tokenHash" in list[0]), "the token hash never leaves the database");
  const [bobView] = await listTrustedDevices(bob.id, NOW);

  await assert.rejects(revokeTrustedDevice(ann.id, bobView.id, ACTOR), /not found/, "another user's device");
  assert.ok(await findTrustedDevice(bob.id, bobs.token, NOW));

  assert.deepEqual(await revokeTrustedDevice(ann.id, list[0].id, ACTOR), { revoked: 1 });
  assert.equal(await findTrustedDevice(ann.id, phone.token, NOW), null, "the revoked device is asked for a code again");
  assert.ok(await findTrustedDevice(ann.id, laptop.token, NOW));

  assert.deepEqual(await revokeTrustedDevice(ann.id, "all", ACTOR), { revoked: 2 }, "the rest, expired ones included");
  assert.deepEqual(await listTrustedDevices(ann.id, NOW), []);
  assert.equal(await findTrustedDevice(ann.id, laptop.token, NOW), null);
  assert.ok(await findTrustedDevice(bob.id, bobs.token, NOW), "other users keep theirs");
  const audit = await getDb().auditEvent.findMany({ where: { subjectId: ann.id, action: "trusted_device.revoke" } });
  assert.equal(audit.length, 2);
});
