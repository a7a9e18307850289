// `gatehouse auth credential add|list|update|delete` and `gatehouse auth getServices`, in Carbonio's
// syntax (`credential add john@example.com label Phone service imap,pop3 qrcode true`) or with flags.
import { UsageError } from "@/cli/args";
import { cliActor, defineCommand } from "@/cli/command";
import { createCredential } from "@/lib/credentials/create-credential";
import {
  formatCarbonioLine,
  formatCarbonioTextData,
  type CarbonioCredentialRecord,
  type MobileAppQrPayload,
} from "@/lib/credentials/credential-format";
import { parseExpiryInput } from "@/lib/credentials/credential-rules";
import { credentialKindFor } from "@/lib/credentials/service-rules";
import { toCarbonioRecord, toCredentialJson, type CredentialJson, type CredentialView } from "@/lib/credentials/credential-view";
import { deleteCredential } from "@/lib/credentials/delete-credential";
import { listCredentialsOfAccount } from "@/lib/credentials/list-credentials";
import { updateCredential, type CredentialChanges } from "@/lib/credentials/update-credential";
import { parseServiceList, SERVICES } from "@/lib/services/services";
import { findUser } from "@/lib/users/find-user";

/** Carbonio's record plus what Gatehouse adds: kind, status, expiry, IP ranges, last use. */
type ListedCredential = CarbonioCredentialRecord & {
  kind: string;
  status: string;
  disabledBy: "admin" | "user" | null;
  expiresAt: string | null;
  allowedIpRanges: string[];
  lastUsedAt: string | null;
  lastUsedIp: string | null;
};

function listed(view: CredentialView): ListedCredential {
  const json: CredentialJson = toCredentialJson(view);
  return {
    ...toCarbonioRecord(view),
    kind: json.kind,
    status: json.status,
    disabledBy: json.disabledBy,
    expiresAt: json.expiresAt,
    allowedIpRanges: json.allowedIpRanges,
    lastUsedAt: json.lastUsedAt,
    lastUsedIp: json.lastUsedIp,
  };
}

function listedLine(c: ListedCredential): string {
  return [
    formatCarbonioLine(c),
    `status ${c.status}${c.disabledBy ? ` (by ${c.disabledBy})` : ""}`,
    `expires ${c.expiresAt ?? "never"}`,
    `ip_ranges ${c.allowedIpRanges.length ? c.allowedIpRanges.join(",") : "any"}`,
    `last_used ${c.lastUsedAt ? `${c.lastUsedAt} from ${c.lastUsedIp ?? "?"}` : "never"}`,
  ].join(" | ");
}

const expiryOption = { type: "string", keyValue: true, aliases: ["expires_at", "expiresAt", "expiry"] } as const;
const ipRangesOption = {
  type: "string",
  keyValue: true,
  aliases: ["ip_ranges", "allowed_ip_ranges", "allowedIpRanges", "ip_range"],
} as const;
const serviceOption = { type: "string", keyValue: true, aliases: ["services"] } as const;

type AddResult = {
  list: ListedCredential;
  text_data: { auth_method: "password"; password: string; user: string };
  qrcode?: MobileAppQrPayload;
};

export const credentialCommands = [
  defineCommand({
    path: ["auth", "credential", "add"],
    summary: "create a service credential; prints its password once (service defaults to EAS)",
    usage:
      "gatehouse auth credential add <account> [password S | --password-stdin] [label S] [qrcode true|false] [service S[,..]] [expires DATE|Nd] [ip_ranges CIDR,..] [--json]",
    spec: {
      positionals: ["account"],
      options: {
        password: { type: "string", keyValue: true },
        passwordStdin: { type: "boolean" },
        label: { type: "string", keyValue: true },
        qrcode: { type: "boolean", keyValue: true },
        service: serviceOption,
        expires: expiryOption,
        ipRanges: ipRangesOption,
      },
    },
    async run({ positionals, options }, io): Promise<AddResult> {
      if (options.password !== undefined && options.passwordStdin)
        throw new UsageError("Give the password either as `password S` or with --password-stdin, not both.");
      const now = new Date();
      const services = parseServiceList(options.service ?? "EAS");
      const kind = credentialKindFor(services, { qrcode: !!options.qrcode });
      const password = options.passwordStdin ? await io.readSecret("Credential password: ", true) : options.password;
      const created = await createCredential(
        {
          account: positionals.account,
          kind,
          label: options.label ?? services.join(","),
          services,
          password,
          expiresAt: parseExpiryInput(options.expires, now),
          allowedIpRanges: options.ipRanges,
          qrcode: !!options.qrcode,
        },
        cliActor(),
        now,
      );
      return {
        list: listed(created.credential),
        text_data: { auth_method: "password", password: created.secret, user: created.user.email },
        ...(created.qr ? { qrcode: created.qr.payload } : {}),
      };
    },
    text: (r) =>
      [
        `list: ${listedLine(r.list)}`,
        `text_data: ${formatCarbonioTextData({ user: r.text_data.user, password: r.text_data.password })}`,
        ...(r.qrcode ? [`qrcode: ${JSON.stringify(r.qrcode)}`] : []),
        "The password is shown only now; it cannot be displayed again.",
      ].join("\n"),
  }),
  defineCommand({
    path: ["auth", "credential", "list"],
    summary: "list an account's credentials (never their passwords)",
    usage: "gatehouse auth credential list <account> [--json]",
    spec: { positionals: ["account"], options: {} },
    async run({ positionals }) {
      const { user, credentials } = await listCredentialsOfAccount(positionals.account);
      return { account: user.email, list: credentials.map(listed) };
    },
    text: (r) => (r.list.length ? r.list.map((c) => `list: ${listedLine(c)}`).join("\n") : `${r.account} has no credentials`),
  }),
  defineCommand({
    path: ["auth", "credential", "update"],
    summary: "change a credential's label, enabled flag, services, expiry or IP ranges",
    usage:
      'gatehouse auth credential update <account> <id> [label S] [enabled true|false] [service S[,..]] [expires DATE|Nd|never] [ip_ranges CIDR,..|""] [--json]',
    spec: {
      positionals: ["account", "id"],
      options: {
        label: { type: "string", keyValue: true },
        enabled: { type: "boolean", keyValue: true },
        service: serviceOption,
        expires: expiryOption,
        ipRanges: ipRangesOption,
      },
    },
    async run({ positionals, options }) {
      const now = new Date();
      const user = await findUser(positionals.account);
      const changes: CredentialChanges = {
        label: options.label,
        enabled: options.enabled,
        services: options.service,
        expiresAt: options.expires === undefined ? undefined : parseExpiryInput(options.expires, now),
        allowedIpRanges: options.ipRanges,
      };
      const view = await updateCredential({ userId: user.id, id: positionals.id }, changes, cliActor(), { by: "admin" }, now);
      return { account: user.email, list: listed(view) };
    },
    text: (r) => `list: ${listedLine(r.list)}`,
  }),
  defineCommand({
    path: ["auth", "credential", "delete"],
    summary: "delete a credential; it stops working at once",
    usage: "gatehouse auth credential delete <account> <id> [--json]",
    spec: { positionals: ["account", "id"], options: {} },
    async run({ positionals }) {
      const user = await findUser(positionals.account);
      const gone = await deleteCredential({ userId: user.id, id: positionals.id }, cliActor());
      return { account: user.email, deleted: gone.id, label: gone.label };
    },
    text: (r) => `deleted credential ${r.deleted} (${r.label}) of ${r.account}`,
  }),
  defineCommand({
    path: ["auth", "getServices"],
    summary: "list the service names credentials and policies use",
    usage: "gatehouse auth getServices [--json]",
    spec: { positionals: [], options: {} },
    run: async () => ({ services: [...SERVICES] }),
    text: (r) => r.services.join("\n"),
    database: false,
  }),
];
