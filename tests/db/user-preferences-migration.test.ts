import { after, test } from "node:test";
import assert from "node:assert/strict";
import { TEST_DB_KIND } from "./support";
import { scratchDatabase, type ScratchDatabase } from "./scratch-database";

// Migration 20261201010000 adds the language and theme choices. Nobody has made one yet, so every
// existing person and domain keeps following the browser (null), and nothing else changes.
const scratches: ScratchDatabase[] = [];
after(async () => {
  for (const s of scratches) await s.drop();
});

test("the migration keeps every user and domain, with no language or theme chosen", async () => {
  const { loadMigrations, runMigrations } = await import("@/lib/db/migrate");
  const db = await scratchDatabase();
  scratches.push(db);
  const all = loadMigrations(TEST_DB_KIND);
  const mine = all.findIndex((m) => m.name.endsWith("_user_preferences"));
  assert.ok(mine > 0);
  await runMigrations(db.target, all.slice(0, mine));
  await db.exec(`INSERT INTO "Domain" ("id", "name") VALUES ('d1', 'old.test');
    INSERT INTO "User" ("id", "email", "displayName", "domainId", "updatedAt") VALUES ('u1', 'ada@old.test', 'Ada', 'd1', CURRENT_TIMESTAMP);
    INSERT INTO "User" ("id", "email", "displayName", "domainId", "updatedAt") VALUES ('u2', 'bob@old.test', 'Bob', 'd1', CURRENT_TIMESTAMP);`);
  await runMigrations(db.target, all);
  const users = await db.query<{ id: string; email: string; displayName: string; locale: string | null; theme: string | null }>(
    `SELECT "id", "email", "displayName", "locale", "theme" FROM "User" ORDER BY "id"`,
  );
  assert.deepEqual(
    users.map((u) => [u.id, u.email, u.displayName, u.locale, u.theme]),
    [
      ["u1", "ada@old.test", "Ada", null, null],
      ["u2", "bob@old.test", "Bob", null, null],
    ],
  );
  const domains = await db.query<{ name: string; defaultLocale: string | null }>(`SELECT "name", "defaultLocale" FROM "Domain"`);
  assert.deepEqual(domains, [{ name: "old.test", defaultLocale: null }]);
});
