import { after, test } from "node:test";
import assert from "node:assert/strict";
import { TEST_DB_KIND } from "./support";
import { scratchDatabase, type ScratchDatabase } from "./scratch-database";

// Migration 20261204020000 adds the AuthLink table and Domain.authLinkHours. Every existing domain,
// user and session stays; domains get the 12-hour default; the new table starts empty and takes
// links that belong to existing users (and goes with them).
const scratches: ScratchDatabase[] = [];
after(async () => {
  for (const s of scratches) await s.drop();
});

test("the auth links migration keeps every domain, user and session, and gives domains 12-hour links", async () => {
  const { loadMigrations, runMigrations } = await import("@/lib/db/migrate");
  const db = await scratchDatabase();
  scratches.push(db);
  const all = loadMigrations(TEST_DB_KIND);
  const mine = all.findIndex((m) => m.name === "20261204020000_auth_links");
  assert.ok(mine > 0, "the migration exists");
  await runMigrations(db.target, all.slice(0, mine));
  await db.exec(`INSERT INTO "Domain" ("id", "name") VALUES ('d1', 'old.test');
    INSERT INTO "Domain" ("id", "name") VALUES ('d2', 'other.test');
    INSERT INTO "User" ("id", "email", "displayName", "domainId", "updatedAt") VALUES ('u1', 'ada@old.test', 'Ada', 'd1', CURRENT_TIMESTAMP);
    INSERT INTO "User" ("id", "email", "displayName", "domainId", "updatedAt") VALUES ('u2', 'bob@other.test', 'Bob', 'd2', CURRENT_TIMESTAMP);
    INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ('s1', 'u1', CURRENT_TIMESTAMP);`);
  await runMigrations(db.target, all);

  const domains = await db.query<{ id: string; name: string; authLinkHours: number }>(
    `SELECT "id", "name", "authLinkHours" FROM "Domain" ORDER BY "id"`,
  );
  assert.deepEqual(
    domains.map((d) => [d.id, d.name, Number(d.authLinkHours)]),
    [
      ["d1", "old.test", 12],
      ["d2", "other.test", 12],
    ],
  );
  const users = await db.query<{ id: string; email: string; displayName: string }>(
    `SELECT "id", "email", "displayName" FROM "User" ORDER BY "id"`,
  );
  assert.deepEqual(
    users.map((u) => [u.id, u.email, u.displayName]),
    [
      ["u1", "ada@old.test", "Ada"],
      ["u2", "bob@other.test", "Bob"],
    ],
  );
  assert.equal(await db.count("Session"), 1);
  assert.equal(await db.count("AuthLink"), 0);

  // The new table works with the old rows: a link for an existing user, gone with its user.
  await db.exec(`INSERT INTO "AuthLink" ("id", "userId", "tokenHash", "expiresAt") VALUES ('l1', 'u2', 'hash-1', CURRENT_TIMESTAMP)`);
  const [link] = await db.query<{ permanent: unknown; useCount: number; allowedIpRanges: string; createdByEmail: string }>(
    `SELECT "permanent", "useCount", "allowedIpRanges", "createdByEmail" FROM "AuthLink"`,
  );
  assert.deepEqual([Boolean(link.permanent), Number(link.useCount), link.allowedIpRanges, link.createdByEmail], [false, 0, "", ""]);
  await db.exec(`DELETE FROM "User" WHERE "id" = 'u2'`);
  assert.equal(await db.count("AuthLink"), 0, "a user's links go with the user");
  assert.equal(await db.count("User"), 1);
});
