import { readFileSync } from "node:fs";
import { parse } from "shell-quote";
import type { CliIo, CommandOutcome } from "@/cli/command";

// `gatehouse -f FILE` (or `-f -` for standard input): one command a line, in one process, like
// Carbonio's `zmprov -f`. Blank lines and lines starting with # are skipped; words are split as a
// shell would (quotes, backslashes), with no variables, globs or operators. Each command prints
// one result line (--json: one JSON object a line); the first failing line is named at the end.

export const BATCH_MAX_BYTES = 16 * 1024 * 1024;
const USAGE = "usage: gatehouse -f FILE|- [--json] [--stop-on-error]";

type BatchLine = { line: number; argv: string[] } | { line: number; problem: string };

/** The commands of a batch file, each with its line number; a line that is not plain words says why. */
export function parseBatch(text: string): BatchLine[] {
  const out: BatchLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    // Variables stay as written: a batch file means what it says, whatever the environment holds.
    const words = parse(trimmed, (name) => `$${name}`);
    if (words.some((w) => typeof w !== "string")) {
      out.push({ line: i + 1, problem: "only plain words and quotes are allowed (no ; | > < & * or comments after a command)" });
    } else {
      out.push({ line: i + 1, argv: words as string[] });
    }
  });
  return out;
}

function readBatch(source: string): string {
  const text = readFileSync(source === "-" ? 0 : source, "utf8");
  if (Buffer.byteLength(text) > BATCH_MAX_BYTES) throw new Error(`the batch is larger than ${BATCH_MAX_BYTES / 1024 / 1024} MiB`);
  return text;
}

export async function runBatch(args: string[], execute: (argv: string[]) => Promise<CommandOutcome>, io: CliIo): Promise<number> {
  const flags = new Set(args.slice(1));
  const source = args[0];
  const unknown = [...flags].filter((f) => f !== "--json" && f !== "--stop-on-error");
  if (!source || unknown.length) {
    io.err(`gatehouse: ${source ? `unknown option ${unknown[0]}` : "-f needs a file, or - for standard input"}`);
    io.err(USAGE);
    return 2;
  }
  const json = flags.has("--json");
  let text: string;
  try {
    text = readBatch(source);
  } catch (e) {
    io.err(`gatehouse: cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  let firstFailure: { line: number; code: number } | null = null;
  let ran = 0;
  for (const entry of parseBatch(text)) {
    const outcome: CommandOutcome =
      "problem" in entry
        ? { code: 2, json, error: { code: "usage", message: entry.problem } }
        : await execute(json && !entry.argv.includes("--json") ? [...entry.argv, "--json"] : entry.argv);
    ran += 1;
    if (json) {
      const body = outcome.code === 0 ? { ok: true, result: outcome.result } : { ok: false, exitCode: outcome.code, error: outcome.error };
      io.out(JSON.stringify({ line: entry.line, ...body }));
    } else if (outcome.code === 0) {
      io.out(outcome.output);
    } else {
      io.err(`gatehouse: line ${entry.line}: ${outcome.error.message}`);
    }
    if (outcome.code !== 0) {
      firstFailure ??= { line: entry.line, code: outcome.code };
      if (flags.has("--stop-on-error")) break;
    }
  }
  if (firstFailure) io.err(`gatehouse: ${ran} command${ran === 1 ? "" : "s"} run; the first to fail was on line ${firstFailure.line}`);
  return firstFailure?.code ?? 0;
}
