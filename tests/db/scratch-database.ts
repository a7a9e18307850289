// Extra, empty databases for migration tests, of the kind named by TEST_DB_KIND, beside the one
// useTestDatabase() gives a file: a test migrates one as far as it likes without touching the other.
// Queries here run on their own connection with foreign keys on, as the app's.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { DatabaseTarget } from "@/lib/db/migrate";
import { TEST_DB_KIND } from "./support";

export type ScratchDatabase = {
  target: DatabaseTarget;
  /** Runs one or more statements (literals only, no parameters). */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  count(table: string): Promise<number>;
  drop(): Promise<void>;
};

export async function scratchDatabase(): Promise<ScratchDatabase> {
  return TEST_DB_KIND === "postgresql" ? scratchPostgres() : scratchSqlite();
}

function scratchSqlite(): ScratchDatabase {
  const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-scratch-"));
  const target: DatabaseTarget = {
    databaseKind: "sqlite",
    databaseUrl: undefined,
    dataDir,
    sqlitePath: path.join(dataDir, "gatehouse.db"),
  };
  async function withDb<T>(use: (db: import("better-sqlite3").Database) => T): Promise<T> {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(target.sqlitePath);
    try {
      db.pragma("foreign_keys = ON");
      return use(db);
    } finally {
      db.close();
    }
  }
  const scratch: ScratchDatabase = {
    target,
    exec: (sql) => withDb((db) => void db.exec(sql)),
    query: <T>(sql: string) => withDb((db) => db.prepare(sql).all() as T[]),
    count: async (table) => Number((await scratch.query<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`))[0].n),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
  return scratch;
}

async function scratchPostgres(): Promise<ScratchDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DB_KIND=postgresql needs TEST_DATABASE_URL");
  const name = `gh_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const { Client } = await import("pg");
  async function withClient<T>(connectionString: string, use: (c: import("pg").Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  }
  await withClient(base, (c) => c.query(`CREATE DATABASE "${name}"`));
  const scratch: ScratchDatabase = {
    target: { databaseKind: "postgresql", databaseUrl: url.toString(), dataDir: tmpdir(), sqlitePath: "" },
    exec: (sql) => withClient(url.toString(), async (c) => void (await c.query(sql))),
    query: <T>(sql: string) => withClient(url.toString(), async (c) => (await c.query(sql)).rows as T[]),
    count: async (table) => Number((await scratch.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0].n),
    drop: () => withClient(base, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
  return scratch;
}
