import { cliActor, defineCommand, formatTable } from "@/cli/command";
import { listTrustedDevices } from "@/lib/trusted-devices/list-trusted-devices";
import { revokeTrustedDevice } from "@/lib/trusted-devices/revoke-trusted-device";
import { findUser } from "@/lib/users/find-user";

// `gatehouse auth trustedDevice list|delete`, as Carbonio's `carbonio auth trustedDevice …`.

export const trustedDeviceCommands = [
  defineCommand({
    path: ["auth", "trustedDevice", "list"],
    summary: "list the unexpired trusted devices of an account",
    usage: "gatehouse auth trustedDevice list <account> [--json]",
    spec: { positionals: ["account"], options: {} },
    async run({ positionals }) {
      const user = await findUser(positionals.account);
      // The stored English name is the CLI's; the parsed one is for the web.
      const devices = (await listTrustedDevices(user.id)).map(({ device: _web, ...d }) => d);
      return { account: user.email, devices };
    },
    text: (r) => formatTable(r.devices, ["id", "description", "ip", "createdAt", "lastUsedAt", "expiresAt"]),
  }),
  defineCommand({
    path: ["auth", "trustedDevice", "delete"],
    summary: "forget one trusted device of an account, or all of them; the next sign-in asks for a code again",
    usage: "gatehouse auth trustedDevice delete <account> <id|all> [--json]",
    spec: { positionals: ["account", "id"], options: {} },
    async run({ positionals }) {
      const user = await findUser(positionals.account);
      const target = positionals.id.toLowerCase() === "all" ? "all" : positionals.id.slice(0, 64);
      return { account: user.email, ...(await revokeTrustedDevice(user.id, target, cliActor())) };
    },
    text: (r) => `${r.revoked} trusted device${r.revoked === 1 ? "" : "s"} of ${r.account} deleted`,
  }),
];
