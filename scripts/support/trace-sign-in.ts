// Prints the SQL statements of one password sign-in that opens its session (the login route's
// path), and of one password step leaving a ticket plus the session made from it (the path of
// the steps after it), for docs/performance.md:
// GATEHOUSE_COUNT_QUERIES=1 node --conditions=react-server --import tsx scripts/support/trace-sign-in.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "gatehouse-trace-"));
process.env.AUTH_SECRET ??= "trace-auth-secret-".padEnd(48, "a");
process.env.LOG_LEVEL = "error";
process.env.GATEHOUSE_COUNT_QUERIES = "1";
if (process.env.TRACE_DATABASE_URL) process.env.DATABASE_URL = process.env.TRACE_DATABASE_URL;
else delete process.env.DATABASE_URL;

async function main() {
  const { runMigrations } = await import("@/lib/db/migrate");
  const { getSettings } = await import("@/lib/config/settings");
  await runMigrations(getSettings());
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { beginPasswordSignIn } = await import("@/lib/auth/begin-password-sign-in");
  const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
  const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");
  const email = `trace${Date.now()}@trace.test`;
  await createUser({ email, password: "trace Passw0rd! long enough", createDomain: true }, { email: "trace" });
  let trace: string[] | null = null;
  getDb().$on("query" as never, (e: { query: string }) => trace?.push(e.query.replace(/\s+/g, " ").slice(0, 160)));
  const ctx = { ip: "127.0.0.1", userAgent: "trace" };
  // One sign-in first, so the counted one is a steady-state one (the expired-ticket sweep runs
  // once a minute, on the first).
  const first = await beginPasswordSignIn({ email, password: "trace Passw0rd! long enough" }, ctx);
  await completeSignIn(first.ticket, ctx);
  trace = [];
  await signInWithPassword({ email, password: "trace Passw0rd! long enough" }, ctx);
  console.log(`password step with the session: ${trace.length} statements\n  ${trace.join("\n  ")}`);
  trace = [];
  const { ticket } = await beginPasswordSignIn({ email, password: "trace Passw0rd! long enough" }, ctx);
  console.log(`password step: ${trace.length} statements\n  ${trace.join("\n  ")}`);
  trace = [];
  await completeSignIn(ticket, ctx);
  console.log(`session creation: ${trace.length} statements\n  ${trace.join("\n  ")}`);
}
void main().then(() => process.exit(0));
