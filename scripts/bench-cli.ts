// npm run bench:cli: how long one `gatehouse` command takes from the shell (issue 13, "A CLI that
// keeps up with scripts"). Times BENCH_RUNS whole processes each, in turn (so a busy moment of the
// machine falls on all of them alike), of:
//   - `node -e ""`: a bare Node start, the floor no command can go under;
//   - `gatehouse auth getServices`: a command that needs no database;
//   - `gatehouse user list`: a command that opens and checks the database (SQLite, a scratch DATA_DIR);
//   - the same two with the bundle bypassed (GATEHOUSE_CLI_TSX=1: tsx in a second Node, as before).
// It prints each one's median and p90 and the medians' ratio to the goal of 300 ms for a command
// that needs no database. The bundle must exist and be fresh (npm run build:cli).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const GOAL_MS = 300;
const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "gatehouse.mjs");

if (!existsSync(path.join(root, "dist", "cli", "gatehouse.mjs"))) {
  console.error("bench: no CLI bundle; run npm run build:cli first");
  process.exit(1);
}
const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-bench-cli-"));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "bench-cli-secret-".padEnd(48, "c"), LOG_LEVEL: "warn" };

type Case = { name: string; args: string[]; env?: Record<string, string> };
const cases: Case[] = [
  { name: 'node -e ""', args: ["-e", ""] },
  { name: "gatehouse auth getServices", args: [bin, "auth", "getServices"] },
  { name: "gatehouse user list", args: [bin, "user", "list"] },
  { name: "… auth getServices with tsx", args: [bin, "auth", "getServices"], env: { GATEHOUSE_CLI_TSX: "1" } },
  { name: "… user list with tsx", args: [bin, "user", "list"], env: { GATEHOUSE_CLI_TSX: "1" } },
];

function once(c: Case): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: root, env: { ...env, ...c.env }, encoding: "utf8" });
  const took = performance.now() - start;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return took;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

function main() {
  for (const c of cases) once(c); // warm-up: the database is created, files are in the page cache
  const times = cases.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++) cases.forEach((c, i) => times[i].push(once(c)));
  const medians = times.map((t) => quantile(t, 0.5));
  console.log(`gatehouse CLI, ${RUNS} runs each, in turn; whole process from spawn to exit`);
  cases.forEach((c, i) => {
    const ratio = medians[i] / GOAL_MS;
    console.log(
      `  ${c.name.padEnd(30)} median ${medians[i].toFixed(0).padStart(5)} ms  p90 ${quantile(times[i], 0.9).toFixed(0).padStart(5)} ms  ` +
        `${(ratio * 100).toFixed(0).padStart(4)} % of the 300 ms goal  ${(medians[i] / medians[0]).toFixed(1)}× a bare node start`,
    );
  });
  const noDb = medians[1];
  console.log(`goal: a command that needs no database in ≤ ${GOAL_MS} ms: ${noDb <= GOAL_MS ? "met" : "NOT met"} (${noDb.toFixed(0)} ms)`);
}

try {
  main();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
