// The CLI bundle's stand-in for lib/db/client.ts (scripts/build-cli.mjs points every import of it
// here). Loading the real client means loading the generated Prisma client, its runtime and the
// database drivers, a good part of a command's start-up: commands that need no database (help,
// `auth getServices`) never do. cli/main.ts calls loadDatabaseClient() before any other command.
import type * as Real from "@/lib/db/client";
export type { Db, Tx } from "@/lib/db/client";

let real: typeof Real | undefined;

export async function loadDatabaseClient(): Promise<void> {
  real ??= await import("@/lib/db/client");
}

function loaded(): typeof Real {
  if (!real) throw new Error("the database client is not loaded (cli/main.ts loads it before a command that needs it)");
  return real;
}

export const getDb: typeof Real.getDb = () => loaded().getDb();
export const databaseQueryCount: typeof Real.databaseQueryCount = () => real?.databaseQueryCount() ?? 0;
