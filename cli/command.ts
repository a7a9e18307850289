import { UsageError, type ArgSpec, type ParsedArgs } from "@/cli/args";
import { userInfo } from "node:os";
import type { Actor } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

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
  /** false: the command touches no database, so none is opened, checked or loaded (fast start). */
  database?: false;
};

/** Ties a command's spec, result and text rendering together with their types. */
export function defineCommand<const S extends ArgSpec, R>(cmd: {
  path: readonly string[];
  summary: string;
  usage: string;
  spec: S;
  run: (args: ParsedArgs<S>, io: CliIo) => Promise<R>;
  text?: (result: R) => string;
  database?: false;
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

/** `--keep-credentials` or Carbonio's `keep_credentials true`, for the resets that revoke credentials. */
export const keepCredentialsOption = { type: "boolean", keyValue: true } as const;

/** What a reset ended, in one clause: "ended 2 sessions, forgot 1 trusted device, revoked 3 credentials …". */
export function revocationText(
  r: { sessions: number; trustedDevices: number; credentials: number; qrTokens: number; authLinks?: number },
  keptCredentials: boolean,
): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const parts = [`ended ${n(r.sessions, "session", "sessions")}`, `forgot ${n(r.trustedDevices, "trusted device", "trusted devices")}`];
  if (keptCredentials) parts.push("kept their credentials");
  else
    parts.push(
      `revoked ${n(r.credentials, "credential", "credentials")} and ${n(r.qrTokens, "unused one-time QR code", "unused one-time QR codes")}`,
    );
  // Auth links go with every reset; said only when there were some, as most accounts have none.
  if (r.authLinks) parts.push(`revoked ${n(r.authLinks, "pending auth link", "pending auth links")}`);
  return parts.join(", ");
}

/**
 * Runs a lib operation whose refusals of the input (a bad value, an unknown account or domain) are
 * the operator's mistake: one line and exit 2, like a usage error; other failures stay exit 1.
 */
export async function asBadInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && (error.code === "invalid_input" || error.code === "not_found")) {
      throw new UsageError(error.message, false);
    }
    throw error;
  }
}

/** What one command came to: its exit code, and its result or its error, not yet printed. */
export type CommandOutcome =
  | { code: 0; json: boolean; output: string; result: unknown }
  | { code: 1 | 2; json: boolean; error: { code: string; message: string }; usage?: string };
