// The migrations and prisma/schema.prisma describe the same database: a database migrated by our
// runner has exactly the tables, columns, indexes and foreign keys (with their delete rules) of
// one built straight from the schema by Prisma's differ. Guards every future schema change on both
// databases: a forgotten or hand-edited migration shows up here as a named difference.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { TEST_DB_KIND } from "./support";
import { scratchDatabase, type ScratchDatabase } from "./scratch-database";

const root = path.join(__dirname, "..", "..");
// CI and the development machines keep shared/ beside the clone.
const prismaDiff = path.join(root, "..", "shared", "tools", "prisma-diff");

const scratches: ScratchDatabase[] = [];
after(async () => {
  for (const s of scratches) await s.drop();
});

test("a database migrated by the runner has the schema prisma/schema.prisma describes", async () => {
  assert.ok(
    existsSync(prismaDiff),
    `the schema drift test needs Prisma's offline differ at ${prismaDiff} (shared/tools beside this checkout)`,
  );
  const { stdout: fromSchema } = await promisify(execFile)(
    prismaDiff,
    [TEST_DB_KIND, "empty", path.join(root, "prisma", "schema.prisma")],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      // The first run installs the differ (Prisma 6.19) with npm.
      timeout: 15 * 60 * 1000,
      env: { ...process.env, ...(process.env.TEST_DATABASE_URL ? { PRISMA_DIFF_PG_URL: process.env.TEST_DATABASE_URL } : {}) },
    },
  );
  assert.match(fromSchema, /CREATE TABLE "User"/, "the differ printed the schema");

  const { runMigrations } = await import("@/lib/db/migrate");
  const migrated = await scratchDatabase();
  scratches.push(migrated);
  await runMigrations(migrated.target);
  const built = await scratchDatabase();
  scratches.push(built);
  await built.exec(fromSchema);

  const describe = TEST_DB_KIND === "sqlite" ? describeSqlite : describePostgres;
  assert.deepEqual(await describe(migrated), await describe(built));
});

// Column order is left out: a column added later by ALTER TABLE comes last, which no query notices.
async function describeSqlite(db: ScratchDatabase) {
  const tables = await db.query<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
  );
  const schema: Record<string, unknown> = {};
  for (const { name } of tables) {
    const columns = await db.query<{ name: string }>(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_xinfo('${name}')`);
    const foreignKeys = await db.query(
      `SELECT "from", "table", "to", on_update, on_delete, "match" FROM pragma_foreign_key_list('${name}') ORDER BY "from"`,
    );
    const indexes = await db.query<{ name: string; unique: number; origin: string; partial: number }>(
      `SELECT name, "unique", origin, partial FROM pragma_index_list('${name}') ORDER BY name`,
    );
    schema[name] = {
      columns: columns.sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys,
      indexes: await Promise.all(
        indexes.map(async (i) => ({
          // Automatic indexes (primary keys, inline UNIQUE) are named after the table's first name.
          name: i.name.startsWith("sqlite_autoindex_") ? `(automatic ${i.origin})` : i.name,
          unique: i.unique,
          origin: i.origin,
          partial: i.partial,
          columns: (await db.query<{ name: string }>(`SELECT name FROM pragma_index_info('${i.name}') ORDER BY seqno`)).map((c) => c.name),
        })),
      ),
    };
  }
  return schema;
}

async function describePostgres(db: ScratchDatabase) {
  return {
    columns: await db.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`,
    ),
    indexes: await db.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
    ),
    // Primary keys, unique and foreign key constraints, the last with their ON DELETE / ON UPDATE rules.
    constraints: await db.query(
      `SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
       ORDER BY table_name, conname`,
    ),
  };
}
