import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.join(__dirname, "..", "..");

/** A fresh data directory for one test file's CLI runs (SQLite). */
export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "gatehouse-cli-"));
}

/** Runs `gatehouse …` as an operator would, with the given stdin and settings. */
export function gatehouse(args: string[], opts: { dataDir: string; stdin?: string; env?: Record<string, string> }) {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "gatehouse.mjs"), ...args], {
    cwd: root,
    input: opts.stdin ?? "",
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: opts.dataDir, LOG_LEVEL: "warn", ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the server's start script until it exits (for start-up failures). */
export function startServer(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
