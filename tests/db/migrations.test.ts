import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { TEST_DB_KIND, useTestDatabase } from "./support";

useTestDatabase();

test("migrations are recorded the way Prisma records them, and re-running applies nothing", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { loadMigrations, runMigrations } = await import("@/lib/db/migrate");
  const { getSettings } = await import("@/lib/config/settings");
  const rows = await getDb().$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown }[]>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  const files = loadMigrations(TEST_DB_KIND);
  assert.deepEqual(
    rows.map((r) => r.migration_name),
    files.map((m) => m.name),
  );
  for (const [i, m] of files.entries()) {
    assert.equal(rows[i].checksum, createHash("sha256").update(m.sql).digest("hex"));
    assert.ok(rows[i].finished_at);
  }
  assert.deepEqual((await runMigrations(getSettings())).applied, []);
});

test("a failing migration is rolled back whole and not recorded", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { loadMigrations, runMigrations } = await import("@/lib/db/migrate");
  const { getSettings } = await import("@/lib/config/settings");
  const broken = {
    name: "99999999999999_broken",
    sql: `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);`,
    checksum: "x",
  };
  await assert.rejects(runMigrations(getSettings(), [...loadMigrations(TEST_DB_KIND), broken]));
  const tables =
    TEST_DB_KIND === "sqlite"
      ? await getDb().$queryRawUnsafe<unknown[]>(`SELECT name FROM sqlite_master WHERE name = 'Half'`)
      : await getDb().$queryRawUnsafe<unknown[]>(`SELECT tablename FROM pg_tables WHERE tablename = 'Half'`);
  assert.equal(tables.length, 0, "the table created before the failure is gone");
  const recorded = await getDb().$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`,
  );
  assert.equal(recorded.length, 0);
});
