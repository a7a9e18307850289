import type { Settings } from "@/lib/config/settings";

// The shapes the migration runner (migrate.ts) and its two drivers (migrate-sqlite.ts,
// migrate-postgres.ts) share; in a module of their own so the drivers do not import the runner.

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationResult = { applied: string[]; alreadyApplied: number };
export type DatabaseTarget = Pick<Settings, "databaseKind" | "databaseUrl" | "dataDir" | "sqlitePath">;
export type MigrationOptions = {
  /**
   * "refuse": apply migrations only to a new, empty database; a used one with pending migrations
   * is refused (the CLI: a newer CLI must not change the schema under an older running server).
   */
  usedDatabase?: "migrate" | "refuse";
};

/** An expected, operator-facing failure: the message is one line and says what to do. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/** A row of _prisma_migrations that is not rolled back; finished is false for a failed attempt. */
export type AppliedRow = { name: string; checksum: string; finished: boolean };

/** What each database driver provides; runMigrations holds the rules. */
export type MigrationStore = {
  appliedRows(): Promise<AppliedRow[]>;
  /** Whether the database has any table besides _prisma_migrations. */
  hasTables(): Promise<boolean>;
  /** Applies and records one migration in one transaction; false when another process did it first. */
  apply(m: Migration): Promise<boolean>;
  close(): Promise<void>;
};
