import { test } from "node:test";
import assert from "node:assert/strict";
import { TEST_DB_KIND, useTestDatabase } from "./support";

// An empty database: this file runs the migrations itself, in two halves around seeded rows.
useTestDatabase({ migrate: false });

// The administrators' 2FA requirement is on for new installations only: the migration that brings
// it writes "false" into a database that already has accounts, so upgrading changes nothing for
// them, and the Session column it adds keeps every session row.
const MIGRATION = "20261130030000_step_up_admin_2fa";

test("upgrading a database with accounts keeps administrators' sign-in as it was, and keeps every session", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { loadMigrations, runMigrations } = await import("@/lib/db/migrate");
  const { getSettings } = await import("@/lib/config/settings");
  const all = loadMigrations(TEST_DB_KIND);
  assert.ok(all.some((m) => m.name === MIGRATION));
  const earlier = all.filter((m) => m.name < MIGRATION);
  await runMigrations(getSettings(), earlier);

  const db = getDb();
  const now = TEST_DB_KIND === "sqlite" ? "CURRENT_TIMESTAMP" : "now()";
  const future = TEST_DB_KIND === "sqlite" ? "datetime('now', '+1 day')" : "now() + interval '1 day'";
  await db.$executeRawUnsafe(`INSERT INTO "Domain" ("id", "name", "createdAt") VALUES ('d1', 'old.test', ${now})`);
  await db.$executeRawUnsafe(
    `INSERT INTO "User" ("id", "email", "role", "domainId", "createdAt", "updatedAt") VALUES ('u1', 'root@old.test', 'admin', 'd1', ${now}, ${now})`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Session" ("id", "userId", "createdAt", "lastSeenAt", "expiresAt") VALUES ('s1', 'u1', ${now}, ${now}, ${future})`,
  );

  const result = await runMigrations(getSettings());
  assert.ok(result.applied.includes(MIGRATION));
  const { adminsRequireTwoFactor } = await import("@/lib/two-factor/requirements/admin-two-factor-setting");
  assert.equal(await adminsRequireTwoFactor(), false);
  const { twoFactorRequirement } = await import("@/lib/two-factor/requirements/two-factor-requirement");
  assert.equal((await twoFactorRequirement("u1")).required, false, "the existing admin is not sent to enrolment");
  const sessions = await db.$queryRawUnsafe<{ id: string; verifiedAt: unknown }[]>(`SELECT "id", "verifiedAt" FROM "Session"`);
  assert.deepEqual(sessions, [{ id: "s1", verifiedAt: null }], "the session is kept, with no fresh proof");
});
