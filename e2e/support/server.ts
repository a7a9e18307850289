import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

// Facts the global setup leaves for the tests: where the server runs and its data directory.
export type E2eState = { baseUrl: string; dataDir: string; logFile: string; pid: number; gateUrl: string };
export const STATE_FILE = path.join(__dirname, "..", "..", "test-results", "e2e-state.json");

export function e2eState(): E2eState {
  return JSON.parse(readFileSync(STATE_FILE, "utf8")) as E2eState;
}

export function serverLog(): string {
  return readFileSync(e2eState().logFile, "utf8");
}

/** Runs the gatehouse CLI against the e2e server's database. */
export function cli(args: string[], stdin?: string): { code: number; stdout: string; stderr: string } {
  const root = path.join(__dirname, "..", "..");
  const r = spawnSync(process.execPath, [path.join(root, "bin", "gatehouse.mjs"), ...args], {
    cwd: root,
    input: stdin ?? "",
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: e2eState().dataDir, DATABASE_URL: "", PUBLIC_URL: e2eState().baseUrl },
    timeout: 60_000,
  });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** Creates an account through the CLI (as an operator would) and returns its credentials. */
export function createAccount(email: string, password: string, opts: { admin?: boolean; name?: string } = {}) {
  const args = [
    "user",
    "create",
    email,
    "--password-stdin",
    "--create-domain",
    ...(opts.admin ? ["--admin"] : []),
    ...(opts.name ? ["--name", opts.name] : []),
  ];
  const r = cli(args, password + "\n");
  if (r.code !== 0) throw new Error(`could not create ${email}: ${r.stderr}`);
  return { email, password };
}

/** Runs SQL on the e2e server's SQLite database: for arranging states a browser cannot reach quickly. */
export function sql(statement: string, ...params: unknown[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3");
  const db = new Database(path.join(e2eState().dataDir, "gatehouse.db"));
  try {
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

/** Reads rows from the e2e server's SQLite database (what the console shows, without the console). */
export function sqlRows<T>(query: string, ...params: unknown[]): T[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3");
  const db = new Database(path.join(e2eState().dataDir, "gatehouse.db"), { readonly: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Forgets failed-attempt counters, so specs that fail on purpose do not slow the ones after them. */
export function resetThrottle(): void {
  sql(`DELETE FROM "ThrottleCounter"`);
}
