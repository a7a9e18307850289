import { after, test } from "node:test";
import assert from "node:assert/strict";
import { TEST_DB_KIND } from "./support";
import { scratchDatabase, type ScratchDatabase } from "./scratch-database";

// Migration 20261130020000 records who disabled a credential. Nobody recorded it before, so a
// credential that was already off counts as an administrator's: the safe reading.
const scratches: ScratchDatabase[] = [];
after(async () => {
  for (const s of scratches) await s.drop();
});

test("the migration keeps every credential and marks the ones already disabled as an admin's", async () => {
  const { loadMigrations, runMigrations } = await import("@/lib/db/migrate");
  const db = await scratchDatabase();
  scratches.push(db);
  const all = loadMigrations(TEST_DB_KIND);
  const mine = all.findIndex((m) => m.name.endsWith("_credential_disabled_by"));
  assert.ok(mine > 0);
  await runMigrations(db.target, all.slice(0, mine));
  const [on, off] = TEST_DB_KIND === "postgresql" ? ["true", "false"] : ["1", "0"];
  await db.exec(`INSERT INTO "Domain" ("id", "name") VALUES ('d1', 'old.test');
    INSERT INTO "User" ("id", "email", "domainId", "updatedAt") VALUES ('u1', 'old@old.test', 'd1', CURRENT_TIMESTAMP);
    INSERT INTO "Credential" ("id", "userId", "label", "services", "algorithm", "enabled") VALUES ('c-on', 'u1', 'c-on', 'IMAP', 'HMAC-SHA256', ${on});
    INSERT INTO "Credential" ("id", "userId", "label", "services", "algorithm", "enabled") VALUES ('c-off', 'u1', 'c-off', 'IMAP', 'HMAC-SHA256', ${off});`);
  await runMigrations(db.target, all);
  const rows = await db.query<{ id: string; label: string; disabledBy: string | null }>(
    `SELECT "id", "label", "disabledBy" FROM "Credential" ORDER BY "id"`,
  );
  assert.deepEqual(
    rows.map((r) => [r.id, r.label, r.disabledBy]),
    [
      ["c-off", "c-off", "admin"],
      ["c-on", "c-on", null],
    ],
  );
});
