import { randomUUID } from "node:crypto";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { MigrationError, type DatabaseTarget, type Migration, type MigrationStore } from "./migration-store";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

type Violation = { table: string; rowid: number | null; parent: string };

export async function openSqliteStore(target: DatabaseTarget): Promise<MigrationStore> {
  const { default: Database } = await import("better-sqlite3");
  mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
  // Create the file owner-only before SQLite does (it would use the umask, usually 0644); its
  // -wal and -shm files take the database file's mode.
  closeSync(openSync(target.sqlitePath, "a", 0o600));
  const db = new Database(target.sqlitePath);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(MIGRATIONS_TABLE);
  } catch (e) {
    db.close();
    throw e;
  }
  const isDone = db.prepare(
    `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const record = db.prepare(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, ?, 1)`,
  );

  return {
    async appliedRows() {
      const rows = db
        .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`)
        .all() as { migration_name: string; checksum: string; finished_at: unknown }[];
      return rows.map((r) => ({ name: r.migration_name, checksum: r.checksum, finished: r.finished_at != null }));
    },
    async hasTables() {
      return !!db
        .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
        .get();
    },
    async apply(m: Migration) {
      // Prisma's table redefines (CREATE new_X; INSERT; DROP X; RENAME) say PRAGMA foreign_keys=OFF,
      // which does nothing inside a transaction; with the keys on, DROP X deletes every child row
      // through ON DELETE CASCADE. So the keys go off on this connection before BEGIN, and
      // foreign_key_check stands in for them before COMMIT.
      db.pragma("foreign_keys = OFF");
      try {
        // IMMEDIATE takes the write lock first, so two starting processes apply each migration once.
        db.exec("BEGIN IMMEDIATE");
        try {
          if (isDone.get(m.name)) {
            db.exec("ROLLBACK");
            return false;
          }
          const started = new Date().toISOString();
          try {
            db.exec(m.sql);
          } catch (e) {
            throw new MigrationError(`migration ${m.name} failed and was rolled back: ${firstLine(e)}`);
          }
          record.run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
          const violation = db.prepare("PRAGMA foreign_key_check").get() as Violation | undefined;
          if (violation)
            throw new MigrationError(
              `migration ${m.name} was rolled back: it leaves a row of ${violation.table} (rowid ${violation.rowid}) that points at a missing ${violation.parent}`,
            );
          db.exec("COMMIT");
          return true;
        } catch (e) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw e;
        }
      } finally {
        db.pragma("foreign_keys = ON");
      }
    },
    async close() {
      db.close();
    },
  };
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split("\n")[0];
}
