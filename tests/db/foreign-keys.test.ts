// The database itself keeps sessions and sign-in tickets consistent with their user and credential:
// a plain Prisma delete (no application clean-up) takes them along.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase } from "./support";

useTestDatabase();

const LATER = new Date("2030-01-01T00:00:00Z");

async function account(id: string) {
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  await db.domain.create({ data: { id: `d-${id}`, name: `${id}.fk.test` } });
  await db.user.create({ data: { id, email: `ann@${id}.fk.test`, domainId: `d-${id}` } });
  for (const c of ["phone", "laptop"])
    await db.credential.create({ data: { id: `${c}-${id}`, userId: id, label: c, services: "WebUI", algorithm: "HMAC-SHA256" } });
  await db.session.create({ data: { id: `s-browser-${id}`, userId: id, expiresAt: LATER } });
  await db.session.create({
    data: { id: `s-phone-${id}`, userId: id, credentialId: `phone-${id}`, authMethod: "credential", expiresAt: LATER },
  });
  await db.session.create({
    data: { id: `s-laptop-${id}`, userId: id, credentialId: `laptop-${id}`, authMethod: "credential", expiresAt: LATER },
  });
  await db.pendingLogin.create({ data: { id: `p-otp-${id}`, userId: id, stage: "otp", expiresAt: LATER } });
  await db.pendingLogin.create({
    data: { id: `p-phone-${id}`, userId: id, stage: "ready", credentialId: `phone-${id}`, expiresAt: LATER },
  });
  return db;
}

test("deleting a credential ends the sessions and sign-in tickets it opened, and only those", async () => {
  const db = await account("u1");
  await db.credential.delete({ where: { id: "phone-u1" } });
  const sessions = await db.session.findMany({ where: { userId: "u1" }, orderBy: { id: "asc" } });
  assert.deepEqual(
    sessions.map((s) => s.id),
    ["s-browser-u1", "s-laptop-u1"],
  );
  const tickets = await db.pendingLogin.findMany({ where: { userId: "u1" } });
  assert.deepEqual(
    tickets.map((t) => t.id),
    ["p-otp-u1"],
  );
});

test("deleting a user removes its sign-in tickets", async () => {
  const db = await account("u2");
  await db.user.delete({ where: { id: "u2" } });
  assert.equal(await db.pendingLogin.count({ where: { userId: "u2" } }), 0);
  assert.equal(await db.session.count({ where: { userId: "u2" } }), 0);
  assert.equal(await db.credential.count({ where: { userId: "u2" } }), 0);
});

test("a session or ticket cannot point at a credential or user that does not exist", async () => {
  const db = await account("u3");
  await assert.rejects(db.session.create({ data: { id: "s-ghost", userId: "u3", credentialId: "no-such-credential", expiresAt: LATER } }));
  await assert.rejects(db.pendingLogin.create({ data: { id: "p-ghost", userId: "no-such-user", stage: "otp", expiresAt: LATER } }));
  assert.equal(await db.session.count({ where: { id: "s-ghost" } }), 0);
});
