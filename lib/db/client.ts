import "server-only";
import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { getSettings, type Settings } from "@/lib/config/settings";
import { onShutdown } from "@/lib/process/shutdown-hooks";
import { PrismaBetterSqlite3Immediate } from "@/lib/db/sqlite-immediate-adapter";

// Secret columns never leave the database unless a query asks for them by name
// (`omit: { passwordHash: false }`), so a forgotten `select` cannot leak them.
const omitSecrets = {
  user: { passwordHash: true },
  totpDevice: { secretEnc: true },
  credential: { lookupHash: true, passwordHash: true },
  oneTimeToken: { tokenHash: true },
  trustedDevice: { tokenHash: true },
  recoveryCode: { codeHash: true },
  authLink: { tokenHash: true },
  samlConfig: { spPrivateKeyEnc: true },
} as const;

// GATEHOUSE_COUNT_QUERIES=1 (benchmarks, query-count tests): every SQL statement this process sends
// is counted (databaseQueryCount). Off otherwise, as Prisma's query events cost time.
const counting = process.env.GATEHOUSE_COUNT_QUERIES === "1";
let queries = 0;
/** SQL statements sent so far by this process's client, when GATEHOUSE_COUNT_QUERIES=1. */
export const databaseQueryCount = () => queries;

/** A new client; getDb() keeps the one of the process (tests make a second, as another process would). */
export function createClient(settings: Settings) {
  const log = counting ? [{ emit: "event" as const, level: "query" as const }] : [];
  if (settings.databaseKind === "postgresql") {
    const adapter = new PrismaPg({ connectionString: settings.databaseUrl! });
    // Both clients come from one schema, so their APIs are the same; the SQLite one names the type.
    const client = new PostgresClient({ adapter, omit: omitSecrets, log });
    if (counting) client.$on("query" as never, () => queries++);
    return client as unknown as SqliteClient<never, typeof omitSecrets>;
  }
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const adapter = new PrismaBetterSqlite3Immediate({ url: `file:${settings.sqlitePath}` });
  const client = new SqliteClient({ adapter, omit: omitSecrets, log });
  if (counting) client.$on("query" as never, () => queries++);
  return client as unknown as SqliteClient<never, typeof omitSecrets>;
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const holder = globalThis as unknown as { gatehouseDb?: Db };

/** The one database client of this process. */
export function getDb(): Db {
  if (!holder.gatehouseDb) {
    const db = (holder.gatehouseDb = createClient(getSettings()));
    // Closed last at shutdown, after the hooks that flush writes through it.
    onShutdown(() => db.$disconnect(), "close");
  }
  return holder.gatehouseDb;
}

/** Loaded already here; the CLI bundle's stand-in (cli/deferred-db-client.ts) loads it on this call. */
export async function loadDatabaseClient(): Promise<void> {}
