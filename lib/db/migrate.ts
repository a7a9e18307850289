import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Settings } from "@/lib/config/settings";
import {
  MigrationError,
  type AppliedRow,
  type DatabaseTarget,
  type Migration,
  type MigrationOptions,
  type MigrationResult,
} from "./migration-store";

// Applies prisma/migrations/<provider>/*/migration.sql in name order, each in its own transaction,
// and records them in Prisma's own _prisma_migrations table with Prisma's checksum (sha256 of the
// file), so `prisma migrate deploy` sees them as applied. We run them ourselves because Prisma's
// migrate commands need a native engine that cannot be downloaded on offline machines.
// Before applying anything, the migrations the database has are checked against the files: an
// applied migration edited since, or one this code does not have (newer code ran), stops us.

// What the CLI and the tests use from here; the drivers take the shared shapes from migration-store.
export { MigrationError, type DatabaseTarget } from "./migration-store";

export function loadMigrations(kind: Settings["databaseKind"], root = process.env.GATEHOUSE_ROOT ?? process.cwd()): Migration[] {
  const dir = path.join(root, "prisma", "migrations", kind);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: sha256Hex(bytes) };
    });
}

function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

// As Prisma: a checkout with other line endings (git on Windows) is the same migration.
function sameMigration(recorded: string, m: Migration): boolean {
  if (recorded === m.checksum) return true;
  const lf = m.sql.replace(/\r\n/g, "\n");
  return recorded === sha256Hex(lf) || recorded === sha256Hex(lf.replace(/\n/g, "\r\n"));
}

/** Checks what the database has against the files; returns the migrations still to apply. */
export function pendingMigrations(rows: AppliedRow[], migrations: Migration[]): Migration[] {
  const files = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    const file = files.get(row.name);
    if (!file)
      throw new MigrationError(`the database has migration ${row.name} that this version of Gatehouse does not know: newer code ran on it`);
    if (row.finished && !sameMigration(row.checksum, file))
      throw new MigrationError(
        `migration ${row.name} was changed after it was applied (database checksum ${row.checksum}, file ${file.checksum})`,
      );
  }
  const done = new Set(rows.filter((r) => r.finished).map((r) => r.name));
  return migrations.filter((m) => !done.has(m.name));
}

export async function runMigrations(
  target: DatabaseTarget,
  migrations = loadMigrations(target.databaseKind),
  options: MigrationOptions = {},
): Promise<MigrationResult> {
  const store =
    target.databaseKind === "postgresql"
      ? await (await import("./migrate-postgres")).openPostgresStore(target.databaseUrl!)
      : await (await import("./migrate-sqlite")).openSqliteStore(target);
  try {
    const rows = await store.appliedRows();
    const pending = pendingMigrations(rows, migrations);
    if (pending.length && options.usedDatabase === "refuse" && (rows.length > 0 || (await store.hasTables())))
      throw new MigrationError(
        `the database needs ${pending.length === 1 ? "migration" : "migrations"} ${pending.map((m) => m.name).join(", ")}: run npm run db:migrate`,
      );
    const applied: string[] = [];
    for (const m of pending) if (await store.apply(m)) applied.push(m.name);
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await store.close();
  }
}
