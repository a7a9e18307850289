import { cliActor, defineCommand, formatTable } from "@/cli/command";
import { UsageError } from "@/cli/args";
import { createDomain } from "@/lib/domains/create-domain";
import { deleteDomain } from "@/lib/domains/delete-domain";
import { listDomains } from "@/lib/domains/list-domains";
import { domainNameField } from "@/lib/validation/fields";

function parseDomain(raw: string): string {
  const r = domainNameField.safeParse(raw);
  if (!r.success) throw new UsageError(`"${raw.slice(0, 60)}" is not a domain name.`);
  return r.data;
}

export const domainCommands = [
  defineCommand({
    path: ["domain", "create"],
    summary: "create a domain",
    usage: "gatehouse domain create <domain> [--json]",
    spec: { positionals: ["domain"], options: {} },
    run: async ({ positionals }) => createDomain(parseDomain(positionals.domain), cliActor()),
    text: (d) => `created domain ${d.name}`,
  }),
  defineCommand({
    path: ["domain", "list"],
    summary: "list domains",
    usage: "gatehouse domain list [--json]",
    spec: { positionals: [], options: {} },
    run: async () => listDomains(),
    text: (ds) => formatTable(ds, ["name", "userCount", "require2fa", "createdAt"]),
  }),
  defineCommand({
    path: ["domain", "delete"],
    summary: "delete an empty domain",
    usage: "gatehouse domain delete <domain> [--json]",
    spec: { positionals: ["domain"], options: {} },
    async run({ positionals }) {
      const name = parseDomain(positionals.domain);
      await deleteDomain(name, cliActor());
      return { deleted: name };
    },
    text: (r) => `deleted domain ${r.deleted}`,
  }),
];
