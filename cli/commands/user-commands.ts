import { cliActor, defineCommand, formatTable, keepCredentialsOption, revocationText } from "@/cli/command";
import { UsageError } from "@/cli/args";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { findUser } from "@/lib/users/find-user";
import { listUsers } from "@/lib/users/list-users";
import { setUserPassword } from "@/lib/users/set-user-password";
import { setUserStatus } from "@/lib/users/set-user-status";
import type { UserView } from "@/lib/users/user-view";
import { displayNameField, emailField } from "@/lib/validation/fields";

const userLine = (u: UserView) => `${u.email}  ${u.role}  ${u.status}  ${u.displayName || "-"}  id ${u.id}`;
const view = (u: UserView) => ({ ...u, domain: u.domain.name });

function parseEmail(raw: string): string {
  const r = emailField.safeParse(raw);
  if (!r.success) throw new UsageError(`"${raw.slice(0, 60)}" is not an email address.`);
  return r.data;
}

const account = { positionals: ["account"] } as const;

export const userCommands = [
  defineCommand({
    path: ["user", "create"],
    summary: "create a user (prompts for a password)",
    usage: "gatehouse user create <email> [--name N] [--admin] [--password-stdin | --no-password] [--create-domain] [--json]",
    spec: {
      positionals: ["email"],
      options: {
        name: { type: "string", keyValue: true, aliases: ["displayName", "display_name"] },
        admin: { type: "boolean" },
        passwordStdin: { type: "boolean" },
        noPassword: { type: "boolean" },
        createDomain: { type: "boolean" },
      },
    },
    async run({ positionals, options }, io) {
      const email = parseEmail(positionals.email);
      const name = displayNameField.safeParse(options.name ?? "");
      if (!name.success) throw new UsageError("--name: use at most 128 characters.");
      const password = options.noPassword ? undefined : await io.readSecret(`Password for ${email}: `, !!options.passwordStdin);
      const user = await createUser(
        {
          email,
          displayName: name.data,
          password,
          role: options.admin ? "admin" : "user",
          createDomain: !!options.createDomain || !!options.admin,
        },
        cliActor(),
      );
      return view(user);
    },
    text: (u) => `created ${userLine({ ...u, domain: { name: u.domain } } as UserView)}`,
  }),
  defineCommand({
    path: ["user", "list"],
    summary: "list users",
    usage: "gatehouse user list [--query Q] [--domain D] [--page N] [--json]",
    spec: {
      positionals: [],
      options: {
        query: { type: "string", keyValue: true },
        domain: { type: "string", keyValue: true },
        page: { type: "int", keyValue: true },
      },
    },
    async run({ options }) {
      const page = await listUsers({ query: options.query, domain: options.domain, page: options.page, pageSize: 100 });
      return { ...page, users: page.users.map(view) };
    },
    text: (p) =>
      `${formatTable(p.users, ["email", "role", "status", "displayName", "lastLoginAt"])}\n(page ${p.page} of ${p.pageCount}, ${p.total} users)`,
  }),
  defineCommand({
    path: ["user", "get"],
    summary: "show one user",
    usage: "gatehouse user get <email|id> [--json]",
    spec: { ...account, options: {} },
    run: async ({ positionals }) => view(await findUser(positionals.account)),
    text: (u) =>
      Object.entries(u)
        .map(([k, v]) => `${k}: ${v instanceof Date ? v.toISOString() : (v ?? "-")}`)
        .join("\n"),
  }),
  ...(["disable", "enable", "unlock"] as const).map((change) =>
    defineCommand({
      path: ["user", change],
      summary: `${change} a user${change === "disable" ? " (signs them out everywhere)" : ""}`,
      usage: `gatehouse user ${change} <email|id> [--json]`,
      spec: { ...account, options: {} },
      run: async ({ positionals }) => view(await setUserStatus(positionals.account, change, cliActor())),
      text: (u) => `${u.email} is now ${u.status}`,
    }),
  ),
  defineCommand({
    path: ["user", "delete"],
    summary: "delete a user and their credentials",
    usage: "gatehouse user delete <email|id> [--json]",
    spec: { ...account, options: {} },
    run: async ({ positionals }) => deleteUser(positionals.account, cliActor()),
    text: (r) => `deleted ${r.email}`,
  }),
  defineCommand({
    path: ["user", "set-password"],
    summary: "set a user's password (signs them out everywhere and revokes their credentials unless kept)",
    usage: "gatehouse user set-password <email|id> [--password-stdin] [--keep-credentials | keep_credentials true] [--json]",
    spec: { ...account, options: { passwordStdin: { type: "boolean" }, keepCredentials: keepCredentialsOption } },
    async run({ positionals, options }, io) {
      const user = await findUser(positionals.account);
      const password = await io.readSecret(`New password for ${user.email}: `, !!options.passwordStdin);
      const keepCredentials = !!options.keepCredentials;
      const revoked = await setUserPassword(user.id, password, cliActor(), { keepCredentials });
      return { email: user.email, passwordSet: true, keptCredentials: keepCredentials, revoked };
    },
    text: (r) => `password set for ${r.email}; ${revocationText(r.revoked, r.keptCredentials)}`,
  }),
];
