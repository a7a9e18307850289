import { randomUUID } from "node:crypto";
import { MigrationError, type Migration, type MigrationStore } from "./migration-store";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;
// Prisma's own advisory lock id, so our runner and `prisma migrate deploy` never run at once.
const PG_LOCK_ID = 72707369;

/**
 * Opens the database and holds Prisma's advisory lock until close, so several instances starting
 * together check and apply under one lock: each migration is applied once. PostgreSQL checks
 * foreign keys itself, inside each migration's transaction.
 */
export async function openPostgresStore(url: string): Promise<MigrationStore> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_LOCK_ID]);
    await client.query(MIGRATIONS_TABLE);
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }

  return {
    async appliedRows() {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
      );
      return rows.map((r) => ({ name: r.migration_name, checksum: r.checksum, finished: r.finished_at != null }));
    },
    async hasTables() {
      const { rows } = await client.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' LIMIT 1`,
      );
      return rows.length > 0;
    },
    async apply(m: Migration) {
      await client.query("BEGIN");
      try {
        const started = new Date();
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
        return true;
      } catch (e) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${m.name} failed and was rolled back: ${String((e as Error).message).split("\n")[0]}`);
      }
    },
    async close() {
      await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_ID]).catch(() => undefined);
      await client.end();
    },
  };
}
