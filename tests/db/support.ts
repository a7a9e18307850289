// Database test support: each test file gets a fresh database of the kind named by TEST_DB_KIND
// (sqlite by default; postgresql needs TEST_DATABASE_URL), migrated with the project's runner.
// Call `useTestDatabase()` at the top of a test file, before anything touches lib/db.
import { after, before } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { pgAdmin } from "../../scripts/support/pg-admin";

export const TEST_DB_KIND = process.env.TEST_DB_KIND === "postgresql" ? "postgresql" : "sqlite";

/** `migrate: false` leaves the database empty, for tests that drive the migration runner themselves. */
export function useTestDatabase(opts: { migrate?: boolean } = {}): void {
  const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-dbtest-"));
  process.env.DATA_DIR = dataDir;
  process.env.AUTH_SECRET ??= "test-secret-" + "x".repeat(40);
  process.env.LOG_LEVEL = "warn";
  let dbName: string | undefined;
  let adminUrl: string | undefined;

  if (TEST_DB_KIND === "postgresql") {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DB_KIND=postgresql needs TEST_DATABASE_URL");
    dbName = `gh_test_${randomBytes(6).toString("hex")}`;
    adminUrl = base;
    const url = new URL(base);
    url.pathname = `/${dbName}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    delete process.env.DATABASE_URL;
  }

  before(async () => {
    if (dbName) await pgAdmin(adminUrl!, `CREATE DATABASE "${dbName}"`);
    if (opts.migrate === false) return;
    const { runMigrations } = await import("@/lib/db/migrate");
    const { getSettings } = await import("@/lib/config/settings");
    await runMigrations(getSettings());
  });

  after(async () => {
    const { getDb } = await import("@/lib/db/client");
    await getDb().$disconnect();
    if (dbName) await pgAdmin(adminUrl!, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });
}

export const ACTOR = { email: "test-runner", ip: "127.0.0.1", userAgent: "node-test" };
