import { statSync } from "node:fs";
import path from "node:path";
import type { Settings } from "@/lib/config/settings";

// The data directory holds the SQLite database and the generated secrets: other local users must
// not be able to read them. Gatehouse creates them closed (0700 / 0600); an operator's copy, a
// restore or a umask can open them up, which is worth a warning at every start.
export type OpenPath = { path: string; mode: string };

const GROUP_OTHER_READ = 0o044;
const GROUP_OTHER_READ_OR_SEARCH = 0o055;

/** Paths under DATA_DIR (and the directory itself) that users other than the owner can read. */
export function dataPathsReadableByOthers(settings: Pick<Settings, "dataDir" | "sqlitePath" | "databaseKind">): OpenPath[] {
  const files = ["auth-secret", "gate-secret"].map((name) => path.join(settings.dataDir, name));
  if (settings.databaseKind === "sqlite") files.push(settings.sqlitePath, `${settings.sqlitePath}-wal`, `${settings.sqlitePath}-shm`);
  const open: OpenPath[] = [];
  const check = (file: string, bits: number) => {
    let mode: number;
    try {
      mode = statSync(file).mode & 0o777;
    } catch {
      return; // not there (PostgreSQL, secrets from the environment): nothing to read
    }
    if (mode & bits) open.push({ path: file, mode: mode.toString(8).padStart(4, "0") });
  };
  check(settings.dataDir, GROUP_OTHER_READ_OR_SEARCH);
  for (const file of files) check(file, GROUP_OTHER_READ);
  return open;
}
