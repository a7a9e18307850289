import type { ArgSpec, ParsedArgs } from "@/cli/args";
import { userInfo } from "node:os";
import type { Actor } from "@/lib/audit/record-audit-event";

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Reads a secret: the first line of stdin with --password-stdin, else a hidden prompt. */
  readSecret: (prompt: string, fromStdin: boolean) => Promise<string>;
};

export type CliCommand<S extends ArgSpec = ArgSpec> = {
  /** Words after `gatehouse`, e.g. ["user", "create"]. */
  path: readonly string[];
  summary: string;
  usage: string;
  spec: S;
  /** Returns the JSON-able result; `text` renders it for people. */
  run: (args: ParsedArgs<S>, io: CliIo) => Promise<unknown>;
  text?: (result: never) => string;
};

export function defineCommand<const S extends ArgSpec>(cmd: CliCommand<S> & { text?: (result: Awaited<ReturnType<CliCommand<S>["run"]>>) => string }) {
  return cmd as unknown as CliCommand;
}

export function cliActor(): Actor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { email: `cli:${name}`, ip: "", userAgent: "gatehouse-cli" };
}

export function formatTable(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return "(none)";
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? "-" : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join("\n");
}
