// npm run bench:admin: the admin views at scale (issue 13). Seeds 1,000,000 audit rows and 100,000
// users into a fresh SQLite database (and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a
// PostgreSQL server, into a fresh database there, in a second process), with bulk inserts, then
// times each audit view, the users list search and the /admin dashboard summary through the same
// lib/ functions the pages call. Each is printed as the median of BENCH_RUNS runs in ms and its
// ratio to the 100 ms goal (ratio ≤ 1 meets it). BENCH_AUDIT_ROWS / BENCH_USERS scale the seed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { SPAN_MS, email, ipOf, seedPostgres, seedSqlite } from "./support/admin-bench-seed";
import { pgAdmin } from "./support/pg-admin";

const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GOAL_MS = 100;
const pgBase = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
const kind = process.env.BENCH_KIND === "postgresql" ? "postgresql" : "sqlite";

const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-bench-admin-"));
process.env.DATA_DIR = dataDir;
process.env.AUTH_SECRET ??= "bench-auth-secret-".padEnd(48, "a");
process.env.LOG_LEVEL = "error";
let pgName: string | undefined;
if (kind === "postgresql") {
  pgName = `gatehouse_bench_admin_${randomBytes(4).toString("hex")}`;
  const url = new URL(pgBase);
  url.pathname = `/${pgName}`;
  process.env.DATABASE_URL = url.toString();
} else delete process.env.DATABASE_URL;

const NOW = Date.now();
const SIZE = { auditRows: AUDIT_ROWS, users: USERS, now: NOW };

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: the first run pays for query planning and the page cache
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

async function main() {
  if (pgName) await pgAdmin(pgBase, `CREATE DATABASE "${pgName}"`);
  try {
    const { runMigrations } = await import("@/lib/db/migrate");
    const { getSettings } = await import("@/lib/config/settings");
    await runMigrations(getSettings());
    const t0 = performance.now();
    await (kind === "postgresql" ? seedPostgres(process.env.DATABASE_URL!, SIZE) : seedSqlite(path.join(dataDir, "gatehouse.db"), SIZE));
    console.log(
      `bench:admin on ${kind === "postgresql" ? "PostgreSQL" : "SQLite"}: seeded ${AUDIT_ROWS.toLocaleString("en")} audit rows and ${USERS.toLocaleString("en")} users in ${((performance.now() - t0) / 1000).toFixed(1)} s; median of ${RUNS} runs, goal ${GOAL_MS} ms`,
    );
    const { listAuditEvents } = await import("@/lib/audit/list-audit-events");
    const { auditEventBatches } = await import("@/lib/audit/export-audit-events");
    const { auditExportLine } = await import("@/lib/audit/export-audit-events");
    const { listUsers } = await import("@/lib/users/list-users");
    const { getDashboardSummary } = await import("@/lib/dashboard/get-dashboard-summary");
    const { getSignInSeries } = await import("@/lib/dashboard/get-sign-in-series");
    const { getSecurityWatch } = await import("@/lib/dashboard/get-security-watch");
    const { SIGN_IN_METHODS } = await import("@/lib/activity/sign-in-outcome");
    const { getDb } = await import("@/lib/db/client");
    const db = getDb();

    // A full week of the charts' hourly tally: every hour, way in and result (3,696 rows).
    const hour0 = Math.floor(NOW / 3_600_000) * 3_600_000;
    await db.signInTally.createMany({
      data: Array.from({ length: 7 * 24 }, (_, h) =>
        SIGN_IN_METHODS.flatMap((method) =>
          ["success", "failure"].map((result) => ({ hour: new Date(hour0 - h * 3_600_000), method, result, count: 1 + (h % 50) })),
        ),
      ).flat(),
    });

    // Accounts that must add a second factor, for the dashboard's count: two domains require one
    // (2,000 accounts) and every 500th account is required one by name.
    await db.domain.updateMany({ where: { id: { in: ["dom0", "dom1"] } }, data: { require2fa: true } });
    await db.user.updateMany({
      where: { id: { in: Array.from({ length: Math.ceil(USERS / 500) }, (_, k) => `u${k * 500 + 7}`) } },
      data: { require2fa: true },
    });

    // A row deep in the log: where page 19,000 of 50 (offset 950,000 of a million) would start.
    const deepAt = Math.min(AUDIT_ROWS - 1, Math.floor(AUDIT_ROWS * 0.95));
    const deep = await db.auditEvent.findFirstOrThrow({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: deepAt,
      select: { createdAt: true, id: true },
    });
    const someone = email(4242);
    const someIp = ipOf(12345);
    const mid = new Date(NOW - SPAN_MS / 2);
    const day = { from: mid, to: new Date(mid.getTime() + 24 * 3600 * 1000) };
    const page =
      (filters: Parameters<typeof listAuditEvents>[0]["filters"], extra: object = {}) =>
      () =>
        listAuditEvents({ filters, ...extra });

    const cases: [string, () => Promise<unknown>][] = [
      ["audit: first page (no filter)", page({})],
      ["audit: subject address", page({ subject: someone })],
      ["audit: actor address", page({ actor: someone })],
      ["audit: client IP", page({ ip: someIp })],
      ["audit: group login (common)", page({ group: "login" })],
      ["audit: group saml (rare)", page({ group: "saml" })],
      ["audit: result denied", page({ result: "denied" })],
      ["audit: time range (one day, a half-year back)", page(day)],
      ["audit: group + result + time range", page({ group: "gate", result: "failure", ...day })],
      [
        "audit: subject + group, page 2 via cursor",
        async () => {
          const first = await listAuditEvents({ filters: { subject: someone, group: "login" } }, { pageSize: 3 });
          const last = first.events[first.events.length - 1];
          return last && listAuditEvents({ filters: { subject: someone, group: "login" }, before: last });
        },
      ],
      [`audit: page deep via cursor (row ${deepAt.toLocaleString("en")})`, page({}, { before: deep })],
      ["audit: newer than a deep cursor", page({}, { after: deep })],
      ["users: search", () => listUsers({ query: "user4242" })],
      ["users: first page", () => listUsers({})],
      ["dashboard summary (/admin)", () => getDashboardSummary()],
      ["dashboard: sign-ins, 24 hours", () => getSignInSeries("24h", new Date(NOW))],
      ["dashboard: sign-ins, 7 days", () => getSignInSeries("7d", new Date(NOW))],
      ["dashboard: failing IPs/addresses, security events", () => getSecurityWatch(new Date(NOW))],
    ];
    const width = Math.max(...cases.map(([n]) => n.length));
    let missed = 0;
    for (const [name, fn] of cases) {
      const ms = await time(fn);
      const ratio = ms / GOAL_MS;
      if (ratio > 1) missed++;
      console.log(
        `  ${name.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms  ratio ${ratio.toFixed(2)}${ratio > 1 ? "  MISSES the goal" : ""}`,
      );
    }

    // Export: throughput of the whole filtered result, formatted as CSV (not held in memory).
    for (const [name, filters] of [
      ["export CSV, result failure", { result: "failure" as const }],
      ["export CSV, everything", {}],
    ] as const) {
      const t = performance.now();
      let rows = 0;
      let firstBatchMs = 0;
      let bytes = 0;
      for await (const batch of auditEventBatches(filters)) {
        if (rows === 0) firstBatchMs = performance.now() - t;
        rows += batch.length;
        for (const e of batch) bytes += auditExportLine("csv", e).length;
      }
      const s = (performance.now() - t) / 1000;
      console.log(
        `  ${name.padEnd(width)}  ${rows.toLocaleString("en")} rows in ${s.toFixed(1)} s = ${Math.round(rows / s).toLocaleString("en")} rows/s, ${(bytes / s / 1e6).toFixed(1)} MB/s; first batch ${firstBatchMs.toFixed(1)} ms, ratio ${(firstBatchMs / GOAL_MS).toFixed(2)}`,
      );
    }
    console.log(missed === 0 ? "  every view meets the goal" : `  ${missed} view(s) miss the goal`);
    await db.$disconnect();
  } finally {
    if (pgName) await pgAdmin(pgBase, `DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (kind === "sqlite" && pgBase && /^postgres(ql)?:\/\//.test(pgBase)) {
    const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: "inherit",
      env: { ...process.env, BENCH_KIND: "postgresql" },
    });
    process.exitCode = r.status ?? 1;
  }
}

void main();
