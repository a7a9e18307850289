import { cliActor, defineCommand, formatTable } from "@/cli/command";
import { deletePasskeys } from "@/lib/passkeys/delete-passkeys";
import { listPasskeys } from "@/lib/passkeys/list-passkeys";
import { findUser } from "@/lib/users/find-user";

// `gatehouse auth passkey list|delete` (issue 14): what an admin needs when a person lost a
// device. Adding a passkey needs the person's browser and authenticator, so it is not here.

export const passkeyCommands = [
  defineCommand({
    path: ["auth", "passkey", "list"],
    summary: "list the passkeys of an account",
    usage: "gatehouse auth passkey list <account> [--json]",
    spec: { positionals: ["account"], options: {} },
    async run({ positionals }) {
      const user = await findUser(positionals.account);
      return { account: user.email, passkeys: await listPasskeys(user.id) };
    },
    text: (r) => formatTable(r.passkeys, ["id", "name", "authenticator", "synced", "createdAt", "lastUsedAt", "aaguid"]),
  }),
  defineCommand({
    path: ["auth", "passkey", "delete"],
    summary: "delete one passkey of an account, or all of them",
    usage: "gatehouse auth passkey delete <account> <id|all> [--json]",
    spec: { positionals: ["account", "id"], options: {} },
    async run({ positionals }) {
      const user = await findUser(positionals.account);
      const target = positionals.id.toLowerCase() === "all" ? "all" : positionals.id.slice(0, 64);
      return { account: user.email, ...(await deletePasskeys(user.id, target, cliActor())) };
    },
    text: (r) =>
      `${r.deleted} passkey${r.deleted === 1 ? "" : "s"} of ${r.account} deleted` +
      (r.recoveryCodesDeleted > 0 || r.trustedDevicesForgotten > 0
        ? `; no second factor is left, so ${r.recoveryCodesDeleted} recovery codes were deleted and ${r.trustedDevicesForgotten} trusted devices forgotten`
        : ""),
  }),
];
