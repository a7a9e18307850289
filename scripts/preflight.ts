import { dataPathsReadableByOthers } from "@/lib/config/check-data-permissions";
import { parseSettings, SettingsError, type Settings } from "@/lib/config/settings";
import { authSecretOf, gateSecretOf } from "@/lib/crypto/keys";
import { runMigrations } from "@/lib/db/migrate";
import { log } from "@/lib/log/logger";

/**
 * What both `npm start` and `npm run db:migrate` do first: validate settings, make sure the
 * secrets exist, reach the database and bring its schema up to date. Any failure is one line on
 * stderr and exit code 1. Data files that other users can read are a warning, not a stop.
 */
export async function preflight(): Promise<Settings> {
  let settings: Settings;
  try {
    settings = parseSettings(process.env);
    authSecretOf(settings);
    gateSecretOf(settings);
  } catch (e) {
    fail(e instanceof SettingsError ? e.message : `cannot prepare ${process.env.DATA_DIR ?? "./data"}: ${(e as Error).message}`);
  }
  try {
    const result = await runMigrations(settings);
    if (result.applied.length)
      console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", event: "db.migrated", applied: result.applied }));
  } catch (e) {
    const where = settings.databaseKind === "sqlite" ? settings.sqlitePath : redact(settings.databaseUrl!);
    fail(`cannot use the database at ${where}: ${(e as Error).message.split("\n")[0]}`);
  }
  const open = dataPathsReadableByOthers(settings);
  if (open.length)
    log.warn("data.readable_by_others", {
      paths: open,
      fix: `chmod 700 ${settings.dataDir} and chmod 600 the files in it, as the user Gatehouse runs as`,
    });
  return settings;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

export function fail(message: string): never {
  process.stderr.write(`gatehouse: ${message}\n`);
  process.exit(1);
}
