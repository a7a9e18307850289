import { createHash, randomUUID } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Settings } from "@/lib/config/settings";

// Applies prisma/migrations/<provider>/*/migration.sql in name order, each in its own transaction,
// and records them in Prisma's own _prisma_migrations table with Prisma's checksum (sha256 of the
// file), so `prisma migrate deploy` sees them as applied. We run them ourselves because Prisma's
// migrate commands need a native engine that cannot be downloaded on offline machines.

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationResult = { applied: string[]; alreadyApplied: number };

const MIGRATIONS_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const MIGRATIONS_TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;
// Prisma's own advisory lock id, so our runner and `prisma migrate deploy` never run at once.
const PG_LOCK_ID = 72707369;

export function loadMigrations(kind: Settings["databaseKind"], root = process.env.GATEHOUSE_ROOT ?? process.cwd()): Migration[] {
  const dir = path.join(root, "prisma", "migrations", kind);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function runMigrations(settings: Settings, migrations = loadMigrations(settings.databaseKind)): Promise<MigrationResult> {
  return settings.databaseKind === "postgresql" ? migratePostgres(settings.databaseUrl!, migrations) : migrateSqlite(settings, migrations);
}

async function migrateSqlite(settings: Settings, migrations: Migration[]): Promise<MigrationResult> {
  const { default: Database } = await import("better-sqlite3");
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  // Create the file owner-only before SQLite does (it would use the umask, usually 0644); its
  // -wal and -shm files take the database file's mode.
  closeSync(openSync(settings.sqlitePath, "a", 0o600));
  const db = new Database(settings.sqlitePath);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(MIGRATIONS_TABLE_SQLITE);
    const applied: string[] = [];
    // BEGIN IMMEDIATE takes the write lock first, so two starting processes apply each migration once.
    const applyOne = db.transaction((m: Migration) => {
      const done = db
        .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .get(m.name);
      if (done) return false;
      const started = new Date().toISOString();
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, ?, 1)`,
      ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
      return true;
    });
    for (const m of migrations) if (applyOne.immediate(m)) applied.push(m.name);
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_LOCK_ID]);
    await client.query(MIGRATIONS_TABLE_PG);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        const started = new Date();
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
