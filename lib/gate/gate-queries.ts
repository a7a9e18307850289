import Database from "better-sqlite3";
import { Pool } from "pg";
import type { Settings } from "@/lib/config/settings";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";

// The gate's two hot reads as the drivers' prepared statements (better-sqlite3; pg named
// statements), beside Prisma: measured on this machine a Prisma 7 findUnique cost 350–490 µs of
// CPU and the same prepared lookup 16 µs (issue 12), and the gate asks these on every login that
// is not in its cache. Reads only; every write still goes through Prisma and lib/. The SQL names
// Prisma's tables and columns, which tests/db/gate-queries.test.ts checks on both databases.

export type GeneratedCredentialRow = {
  id: string;
  userId: string;
  enabled: boolean;
  expiresAt: Date | null;
  services: string;
  allowedIpRanges: string;
  email: string;
  status: string;
};
export type ThrottleRow = { key: string; failures: number; lastFailureAt: Date };

export type GateQueries = {
  credentialByLookupHash(lookupHash: string): Promise<GeneratedCredentialRow | null>;
  throttleCounters(keys: readonly [string, string]): Promise<ThrottleRow[]>;
  /** Both at once: one round trip on PostgreSQL for the gate's busiest path. */
  generatedLogin(
    lookupHash: string,
    keys: readonly [string, string],
  ): Promise<{ credential: GeneratedCredentialRow | null; counters: ThrottleRow[] }>;
  close(): Promise<void>;
};

const CREDENTIAL_SQL = (param: string, ms: (col: string) => string) => `
  SELECT c."id", c."userId", c."enabled", ${ms('c."expiresAt"')} AS "expiresAt", c."services", c."allowedIpRanges",
         u."email", u."status"
  FROM "Credential" c JOIN "User" u ON u."id" = c."userId"
  WHERE c."lookupHash" = ${param}`;
const THROTTLE_SQL = (a: string, b: string, ms: (col: string) => string) =>
  `SELECT "key", "failures", ${ms('"lastFailureAt"')} AS "lastFailureAt" FROM "ThrottleCounter" WHERE "key" IN (${a}, ${b})`;

type RawCredential = Omit<GeneratedCredentialRow, "enabled" | "expiresAt"> & { enabled: unknown; expiresAt: string | number | null };
type RawThrottle = { key: string; failures: number | string; lastFailureAt: string | number };

const toDate = (v: string | number) => new Date(typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v) ? Number(v) : v);
const credentialRow = (r: RawCredential): GeneratedCredentialRow => ({
  id: r.id,
  userId: r.userId,
  services: r.services,
  allowedIpRanges: r.allowedIpRanges,
  email: r.email,
  status: r.status,
  enabled: r.enabled === true || r.enabled === 1 || r.enabled === "1",
  expiresAt: r.expiresAt === null ? null : toDate(r.expiresAt),
});
const throttleRow = (r: RawThrottle): ThrottleRow => ({ key: r.key, failures: Number(r.failures), lastFailureAt: toDate(r.lastFailureAt) });

export function openGateQueries(settings: Settings): GateQueries {
  return settings.databaseKind === "postgresql" ? openPostgres(settings.databaseUrl!) : openSqlite(settings.sqlitePath);
}

function openSqlite(file: string): GateQueries {
  // A read-only connection of its own: WAL lets it read while Prisma's connection writes.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 2000");
  const asText = (col: string) => col; // stored as ISO text by Prisma's SQLite adapter
  const credential = db.prepare<[string], RawCredential>(CREDENTIAL_SQL("?", asText));
  const throttle = db.prepare<[string, string], RawThrottle>(THROTTLE_SQL("?", "?", asText));
  return {
    async credentialByLookupHash(lookupHash) {
      const row = credential.get(lookupHash);
      return row ? credentialRow(row) : null;
    },
    async throttleCounters(keys) {
      return throttle.all(keys[0], keys[1]).map(throttleRow);
    },
    async generatedLogin(lookupHash, keys) {
      // In-process: two statements cost no more than one.
      const row = credential.get(lookupHash);
      return { credential: row ? credentialRow(row) : null, counters: throttle.all(keys[0], keys[1]).map(throttleRow) };
    },
    async close() {
      db.close();
    },
  };
}

function openPostgres(url: string): GateQueries {
  const pool = new Pool({ connectionString: url, max: 4 });
  // An idle connection the server ends (restart, failover) must not take the gate down with it;
  // the pool makes a new one at the next query.
  pool.on("error", (e) => log.warn("gate.database_connection_lost", errorFacts(e)));
  // Prisma's DateTime columns are timestamp without time zone holding UTC: read them as epoch ms.
  const epochMs = (col: string) => `(EXTRACT(EPOCH FROM ${col}) * 1000)::float8`;
  const credentialSql = CREDENTIAL_SQL("$1", epochMs);
  const throttleSql = THROTTLE_SQL("$1", "$2", epochMs);
  // Both reads in one statement: credential rows and counter rows, told apart by "kind".
  const bothSql = `
    SELECT 'credential' AS "kind", c."id", c."userId", c."enabled", ${epochMs('c."expiresAt"')} AS "expiresAt", c."services",
           c."allowedIpRanges", u."email", u."status", NULL::text AS "key", NULL::int AS "failures", NULL::float8 AS "lastFailureAt"
    FROM "Credential" c JOIN "User" u ON u."id" = c."userId" WHERE c."lookupHash" = $1
    UNION ALL
    SELECT 'counter', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "key", "failures", ${epochMs('"lastFailureAt"')}
    FROM "ThrottleCounter" WHERE "key" IN ($2, $3)`;
  return {
    async credentialByLookupHash(lookupHash) {
      const r = await pool.query<RawCredential>({ name: "gate_credential_by_lookup_hash", text: credentialSql, values: [lookupHash] });
      return r.rows[0] ? credentialRow(r.rows[0]) : null;
    },
    async throttleCounters(keys) {
      const r = await pool.query<RawThrottle>({ name: "gate_throttle_counters", text: throttleSql, values: [keys[0], keys[1]] });
      return r.rows.map(throttleRow);
    },
    async generatedLogin(lookupHash, keys) {
      const r = await pool.query<RawCredential & RawThrottle & { kind: string }>({
        name: "gate_generated_login",
        text: bothSql,
        values: [lookupHash, keys[0], keys[1]],
      });
      const found = r.rows.find((row) => row.kind === "credential");
      return { credential: found ? credentialRow(found) : null, counters: r.rows.filter((row) => row.kind === "counter").map(throttleRow) };
    },
    async close() {
      await pool.end();
    },
  };
}
