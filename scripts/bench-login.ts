// npm run bench:login: web sign-in speed against the limit of this machine (issue 13, "Sign-in
// speed"). Starts Gatehouse itself (`npm start` on BENCH_PORT with a scratch DATA_DIR; a build must
// exist or is made once) unless BENCH_URL names a running one (then DATA_DIR / DATABASE_URL must be
// the server's, so the accounts land in its database). Creates BENCH_ACCOUNTS accounts through
// lib/, then BENCH_USERS virtual users sign in over real HTTP exactly as the browser does:
//   1. GET /login (the page, its cookies),
//   2. the password step: the JSON POST the login form makes to /api/auth/password, which (no
//      second factor being asked) opens the session and sets its cookie,
//   3. GET /account, the first portal page, which must answer 200 for the person signed in.
// In the same run, alternating with the sign-in rounds, it verifies argon2id hashes at the
// server's parameters (lib/passwords) at the same concurrency: the hash-bound limit. It prints
// sign-ins/s, p50 and p99 and their ratio to the hash rate (goal ≥ 80 %), each step's median, and
// the database statements of one sign-in, counted in a child process (scripts/support/trace-sign-in.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { verify } from "@node-rs/argon2";

const USERS = Number(process.env.BENCH_USERS ?? 4);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3410);
const GATE_PORT = Number(process.env.BENCH_GATE_PORT ?? 7410);
const PASSWORD = "bench-login Passw0rd! long enough";
const GOAL = 0.8;

// BENCH_HTTP=0: only the hash rate and lib/ called in-process, no server (compares lib/ changes quickly).
const HTTP = process.env.BENCH_HTTP !== "0";
const external = process.env.BENCH_URL?.replace(/\/$/, "");
const base = external ?? `http://127.0.0.1:${PORT}`;
let dataDir: string | undefined;
if (!external) {
  dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-bench-login-"));
  process.env.DATA_DIR = dataDir;
  process.env.AUTH_SECRET ??= "bench-auth-secret-".padEnd(48, "a");
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete process.env.DATABASE_URL;
}
process.env.LOG_LEVEL = "error";

// ---- the server ------------------------------------------------------------------------------

function startServer(): ChildProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("scripts", "start.ts")], {
    env: {
      ...process.env,
      GATEHOUSE_COUNT_QUERIES: "",
      PORT: String(PORT),
      GATE_PORT: String(GATE_PORT),
      PUBLIC_URL: base,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`bench: the server exited (${code})`);
      process.exit(1);
    }
  });
  return child;
}
let stopping = false;

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${base}/api/health`);
}

async function createAccounts(): Promise<string[]> {
  const { createUser } = await import("@/lib/users/create-user");
  const { getDb } = await import("@/lib/db/client");
  const actor = { email: "bench", ip: "127.0.0.1" };
  const emails: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const email = `login${i}@bench-login.test`;
    const exists = await getDb().user.findUnique({ where: { email }, select: { id: true } });
    if (!exists) await createUser({ email, password: PASSWORD, createDomain: i === 0 }, actor);
    emails.push(email);
  }
  return emails;
}

// ---- one browser -----------------------------------------------------------------------------

class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      const value = pair.slice(i + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function send(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${base}${url}`, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header(), origin: base, "user-agent": "gatehouse-bench-login" },
  });
  jar.take(res);
  return res;
}

type Timings = { page: number; password: number; portal: number; total: number };

async function signIn(email: string): Promise<Timings> {
  const jar = new Jar();
  const t0 = performance.now();
  const page = await send(jar, "/login");
  await page.text();
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  const t1 = performance.now();

  const step = await send(jar, "/api/auth/password", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const answer = await step.text();
  if (!answer.includes('"stage":"signed_in"')) throw new Error(`password step: ${step.status} ${answer.slice(0, 300)}`);
  const t2 = performance.now();

  const portal = await send(jar, "/account");
  const html = await portal.text();
  if (portal.status !== 200 || !html.includes(email)) throw new Error(`GET /account answered ${portal.status}, not the portal of ${email}`);
  const t3 = performance.now();
  return { page: t1 - t0, password: t2 - t1, portal: t3 - t2, total: t3 - t0 };
}

// ---- the runs ----------------------------------------------------------------------------------

/** `users` loops calling `once` until `seconds` are up: completions per second and each duration. */
async function run<T>(users: number, seconds: number, once: (n: number) => Promise<T>): Promise<{ rate: number; results: T[] }> {
  const results: T[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < end) results.push(await once(n++));
    }),
  );
  return { rate: results.length / ((performance.now() - start) / 1000), results };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The statements of one password step and one session creation, counted by scripts/support/trace-sign-in.ts. */
function countQueries(): { signIn: number; passwordStep: number; session: number } {
  const r = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join("scripts", "support", "trace-sign-in.ts")],
    {
      encoding: "utf8",
      env: { ...process.env, GATEHOUSE_COUNT_QUERIES: "1", TRACE_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "" },
    },
  );
  const count = (what: string) => Number(r.stdout.match(new RegExp(`${what}: (\\d+) statements`))?.[1] ?? NaN);
  return { signIn: count("password step with the session"), passwordStep: count("password step"), session: count("session creation") };
}

/** What the route does (the password step opening the session), called directly in this process: no HTTP, no Next.js. */
async function directSignIns(emails: string[]) {
  const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");
  const ctx = { ip: "127.0.0.1", userAgent: "gatehouse-bench-login" };
  return run(USERS, SECONDS, async (n) => {
    const { stage } = await signInWithPassword({ email: emails[n % emails.length], password: PASSWORD }, ctx);
    if (stage !== "signed_in") throw new Error("direct sign-in failed");
  });
}

async function main() {
  let server: ChildProcess | undefined;
  if (!external && HTTP) {
    console.log(`starting gatehouse on ${base} (DATA_DIR ${dataDir}) …`);
    server = startServer();
  }
  const stop = () => {
    stopping = true;
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    if (dataDir) setTimeout(() => rmSync(dataDir!, { recursive: true, force: true }), 1000);
  };
  try {
    if (HTTP) await waitForHealth();
    else {
      const { runMigrations } = await import("@/lib/db/migrate");
      const { getSettings } = await import("@/lib/config/settings");
      await runMigrations(getSettings());
    }
    console.log(`creating ${ACCOUNTS} accounts …`);
    const emails = await createAccounts();
    const { getDb } = await import("@/lib/db/client");
    const stored = await getDb().user.findUnique({ where: { email: emails[0] }, omit: { passwordHash: false } });
    const hash = stored!.passwordHash!;
    // Warm up: every route compiled and cached once.
    if (HTTP) for (const email of emails.slice(0, 2)) await signIn(email);

    let bestHash = 0;
    let bestDirect = 0;
    let bestLogin = { rate: 0, results: [] as Timings[] };
    for (let round = 0; round < ROUNDS; round++) {
      const hashes = await run(USERS, SECONDS, async () => {
        if (!(await verify(hash, PASSWORD))) throw new Error("argon2 verify failed");
      });
      const direct = await directSignIns(emails);
      const logins = HTTP ? await run(USERS, SECONDS, (n) => signIn(emails[n % emails.length])) : { rate: 0, results: [] };
      console.log(
        `  round ${round + 1}: argon2id ${hashes.rate.toFixed(1)}/s, lib/ alone ${direct.rate.toFixed(1)}/s, HTTP sign-ins ${logins.rate.toFixed(1)}/s`,
      );
      bestHash = Math.max(bestHash, hashes.rate);
      bestDirect = Math.max(bestDirect, direct.rate);
      if (logins.rate > bestLogin.rate) bestLogin = logins;
    }
    const totals = bestLogin.results.map((r) => r.total);
    const median = (k: keyof Timings) =>
      ms(
        quantile(
          bestLogin.results.map((r) => r[k]),
          0.5,
        ),
      );
    const ratio = bestLogin.rate / bestHash;
    const queries = countQueries();
    console.log(`\nweb sign-in, ${USERS} virtual users, best of ${ROUNDS} × ${SECONDS} s, ${ACCOUNTS} accounts`);
    console.log(`  argon2id verify (m=19 MiB, t=2, p=1), ${USERS} at a time: ${bestHash.toFixed(1)}/s (the limit)`);
    console.log(
      `  sign-ins: ${bestLogin.rate.toFixed(1)}/s, p50 ${ms(quantile(totals, 0.5))}, p99 ${ms(quantile(totals, 0.99))}  →  ${(ratio * 100).toFixed(0)} % of the limit (goal ≥ ${GOAL * 100} %): ${ratio >= GOAL ? "met" : "NOT met"}`,
    );
    console.log(
      `  lib/ alone (signInWithPassword called in this process): ${bestDirect.toFixed(1)}/s  →  ${((bestDirect / bestHash) * 100).toFixed(0)} % of the limit`,
    );
    console.log(
      `  step medians: login page ${median("page")}, password step with the session ${median("password")}, /account ${median("portal")}`,
    );
    console.log(
      `  database statements (COMMIT included): the password step opening the session ${queries.signIn}; a step leaving a ticket ${queries.passwordStep} + the session made from it ${queries.session}`,
    );
  } finally {
    stop();
  }
}

void main().then(
  () => setTimeout(() => process.exit(0), 1500),
  (e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    setTimeout(() => process.exit(1), 1500);
  },
);
