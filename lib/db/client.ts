import "server-only";
import { mkdirSync } from "node:fs";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { getSettings, type Settings } from "@/lib/config/settings";

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
} as const;

function createClient(settings: Settings) {
  if (settings.databaseKind === "postgresql") {
    const adapter = new PrismaPg({ connectionString: settings.databaseUrl! });
    // Both clients come from one schema, so their APIs are the same; the SQLite one names the type.
    return new PostgresClient({ adapter, omit: omitSecrets }) as unknown as SqliteClient<never, typeof omitSecrets>;
  }
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const adapter = new PrismaBetterSqlite3({ url: `file:${settings.sqlitePath}` });
  return new SqliteClient({ adapter, omit: omitSecrets });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const holder = globalThis as unknown as { gatehouseDb?: Db };

/** The one database client of this process. */
export function getDb(): Db {
  holder.gatehouseDb ??= createClient(getSettings());
  return holder.gatehouseDb;
}
