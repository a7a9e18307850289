import type { ArgSpec, ParsedArgs } from "@/cli/args";
import { userInfo } from "node:os";
import type { Actor } from "@/lib/audit/record-audit-event";

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Reads a secret: the first line of stdin with --password-stdin, else a hidden prompt. */
  readSecret: (prompt: string, fromStdin: boolean) => Promise<string>;
};

export type CliCommand = {
  /** Words after `gatehouse`, e.g. ["user", "create"]. */
  path: readonly string[];
  summary: string;
  usage: string;
  spec: ArgSpec;
  /** Returns the JSON-able result printed by --json. */
  run: (args: ParsedArgs<ArgSpec>, io: CliIo) => Promise<unknown>;
  /** Renders the result for people. */
  text?: (result: unknown) => string;
};

/** Ties a command's spec, result and text rendering together with their types. */
export function defineCommand<const S extends ArgSpec, R>(cmd: {
  path: readonly string[];
  summary: string;
  usage: string;
  spec: S;
  run: (args: ParsedArgs<S>, io: CliIo) => Promise<R>;
  text?: (result: R) => string;
}): CliCommand {
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
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join("\n");
}
