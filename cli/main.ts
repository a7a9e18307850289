// gatehouse CLI entry: finds the command by its leading words, parses the rest, runs it through
// the same lib/ code as the web app, and prints text or --json. Exit 0 on success, 1 on a
// failure, 2 on bad arguments; failures are one line on stderr.
import { parseArgs, UsageError } from "@/cli/args";
import type { CliCommand, CliIo } from "@/cli/command";
import { credentialCommands } from "@/cli/commands/credential-commands";
import { authLinkCommands } from "@/cli/commands/auth-link-commands";
import { domainCommands } from "@/cli/commands/domain-commands";
import { gateCommands } from "@/cli/commands/gate-command";
import { policyCommands } from "@/cli/commands/policy-commands";
import { samlCommands } from "@/cli/commands/saml-commands";
import { totpCommands } from "@/cli/commands/totp-commands";
import { trustedDeviceCommands } from "@/cli/commands/trusted-device-commands";
import { userCommands } from "@/cli/commands/user-commands";
import { readSecret } from "@/cli/read-secret";
import { parseSettings, SettingsError } from "@/lib/config/settings";
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
  ...samlCommands,
  ...gateCommands,
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

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || ["help", "--help", "-h"].includes(argv[0])) {
    io.out(overview());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`gatehouse: unknown command "${argv.slice(0, 3).join(" ")}"`);
    io.err(overview(argv.slice(0, 1)));
    return 2;
  }
  const { cmd, rest } = found;
  let json = false;
  try {
    const args = parseArgs(rest, cmd.spec);
    json = !!args.options.json;
    if (args.options.help) {
      io.out(`usage: ${cmd.usage}\n${cmd.summary}`);
      return 0;
    }
    // A new, empty database is set up here; a used one is only checked, so a newer CLI never
    // changes the schema under an older server (npm run db:migrate does that, deliberately).
    await runMigrations(parseSettings(process.env), undefined, { usedDatabase: "refuse" });
    const result = await cmd.run(args, io);
    io.out(json || !cmd.text ? JSON.stringify(result, null, 2) : cmd.text(result));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`gatehouse: ${e.message}`);
      if (e.showUsage) io.err(`usage: ${cmd.usage}`);
      return 2;
    }
    const message =
      e instanceof AppError || e instanceof SettingsError || e instanceof MigrationError
        ? e.message
        : `unexpected error (${describeError(e)})`;
    if (json) io.out(JSON.stringify({ error: { code: e instanceof AppError ? e.code : "internal", message } }));
    io.err(`gatehouse: ${message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`gatehouse: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
