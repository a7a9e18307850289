// gatehouse CLI entry: finds the command by its leading words, parses the rest, runs it through
// the same lib/ code as the web app, and prints text or --json. Exit 0 on success, 1 on a
// failure, 2 on bad arguments; failures are one line on stderr. `gatehouse -f FILE` runs one
// command a line in this one process (cli/batch.ts).
import { parseArgs, UsageError } from "@/cli/args";
import type { CliCommand, CliIo, CommandOutcome } from "@/cli/command";
import { credentialCommands } from "@/cli/commands/credential-commands";
import { authLinkCommands } from "@/cli/commands/auth-link-commands";
import { auditCommands } from "@/cli/commands/audit-commands";
import { domainCommands } from "@/cli/commands/domain-commands";
import { gateCommands } from "@/cli/commands/gate-command";
import { passkeyCommands } from "@/cli/commands/passkey-commands";
import { policyCommands } from "@/cli/commands/policy-commands";
import { samlCommands } from "@/cli/commands/saml-commands";
import { totpCommands } from "@/cli/commands/totp-commands";
import { trustedDeviceCommands } from "@/cli/commands/trusted-device-commands";
import { userCommands } from "@/cli/commands/user-commands";
import { runBatch } from "@/cli/batch";
import { readSecret } from "@/cli/read-secret";
import { parseSettings, SettingsError } from "@/lib/config/settings";
import { loadDatabaseClient } from "@/lib/db/client";
import { MigrationError, runMigrations } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors";
import { describeError } from "@/lib/log/error-facts";

const commands: CliCommand[] = [
  ...userCommands,
  ...domainCommands,
  ...credentialCommands,
  ...authLinkCommands,
  ...policyCommands,
  ...totpCommands,
  ...trustedDeviceCommands,
  ...passkeyCommands,
  ...samlCommands,
  ...gateCommands,
  ...auditCommands,
];

const io: CliIo = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  readSecret,
};

function findCommand(argv: string[]): { cmd: CliCommand; rest: string[] } | undefined {
  const words = argv.map((w) => w.toLowerCase());
  const matches = commands.filter((c) => c.path.every((p, i) => words[i] === p.toLowerCase()));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best && { cmd: best, rest: argv.slice(best.path.length) };
}

function overview(prefix: string[] = []): string {
  const shown = commands.filter((c) => prefix.every((p, i) => c.path[i]?.toLowerCase() === p.toLowerCase()));
  return [
    "usage: gatehouse <area> <command> [arguments] [--json]",
    "",
    ...(shown.length ? shown : commands).map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join("\n");
}

let databaseChecked: Promise<unknown> | null = null;

/** Loads the database client (the bundle defers it: cli/deferred-db-client.ts) and checks the database once. */
function checkDatabase(): Promise<unknown> {
  databaseChecked ??= loadDatabaseClient()
    .then(() => runMigrations(parseSettings(process.env), undefined, { usedDatabase: "refuse" }))
    .catch((e: unknown) => {
      databaseChecked = null;
      throw e;
    });
  return databaseChecked;
}

/**
 * Finds, parses and runs one command. A new, empty database is set up on the first command that
 * runs; a used one is only checked, so a newer CLI never changes the schema under an older server
 * (npm run db:migrate does that, deliberately). A batch checks once, not once a line.
 */
export async function execute(argv: string[]): Promise<CommandOutcome> {
  const found = findCommand(argv);
  if (!found) {
    const message = `unknown command "${argv.slice(0, 3).join(" ")}"`;
    return { code: 2, json: argv.includes("--json"), error: { code: "usage", message }, usage: overview(argv.slice(0, 1)) };
  }
  const { cmd, rest } = found;
  let json = false;
  try {
    const args = parseArgs(rest, cmd.spec);
    json = !!args.options.json;
    if (args.options.help) return { code: 0, json, output: `usage: ${cmd.usage}\n${cmd.summary}`, result: null };
    if (cmd.database !== false) await checkDatabase();
    const result = await cmd.run(args, io);
    return { code: 0, json, output: json || !cmd.text ? JSON.stringify(result, null, 2) : cmd.text(result), result };
  } catch (e) {
    if (e instanceof UsageError) {
      return { code: 2, json, error: { code: "usage", message: e.message }, usage: e.showUsage ? `usage: ${cmd.usage}` : undefined };
    }
    const message =
      e instanceof AppError || e instanceof SettingsError || e instanceof MigrationError
        ? e.message
        : `unexpected error (${describeError(e)})`;
    return { code: 1, json, error: { code: e instanceof AppError ? e.code : "internal", message } };
  }
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || ["help", "--help", "-h"].includes(argv[0])) {
    io.out(overview());
    return 0;
  }
  if (argv[0] === "-f") return runBatch(argv.slice(1), execute, io);
  const outcome = await execute(argv);
  if (outcome.code === 0) {
    // An export to stdout has written its rows already and has nothing to add.
    if (outcome.output !== "") io.out(outcome.output);
    return 0;
  }
  // A usage error stays off stdout, so a script reading --json output never parses it.
  if (outcome.json && outcome.code === 1) io.out(JSON.stringify({ error: outcome.error }));
  io.err(`gatehouse: ${outcome.error.message}`);
  if (outcome.usage) io.err(outcome.usage);
  return outcome.code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`gatehouse: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
