import { cliActor, defineCommand, formatTable } from "@/cli/command";
import { UsageError } from "@/cli/args";
import { createDomain } from "@/lib/domains/create-domain";
import { deleteDomain } from "@/lib/domains/delete-domain";
import { listDomains } from "@/lib/domains/list-domains";
import { setDomainDefaultLocale } from "@/lib/domains/set-domain-default-locale";
import { isLocale, SUPPORTED_LOCALES } from "@/lib/i18n/locales";
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
    text: (ds) => formatTable(ds, ["name", "userCount", "require2fa", "defaultLocale", "createdAt"]),
  }),
  defineCommand({
    path: ["domain", "update"],
    summary: "set a domain's default language (none: DEFAULT_LOCALE applies)",
    usage: `gatehouse domain update <domain> defaultLocale ${SUPPORTED_LOCALES.join("|")}|none [--json]`,
    spec: { positionals: ["domain"], options: { defaultLocale: { type: "string", keyValue: true } } },
    async run({ positionals, options }) {
      const name = parseDomain(positionals.domain);
      const raw = options.defaultLocale;
      if (raw === undefined) throw new UsageError("Nothing to change: give defaultLocale.");
      const locale = raw.toLowerCase();
      if (locale !== "none" && !isLocale(locale)) throw new UsageError(`defaultLocale must be ${SUPPORTED_LOCALES.join(", ")} or none.`);
      return setDomainDefaultLocale(name, locale === "none" ? null : locale, cliActor());
    },
    text: (d) => `domain ${d.name}: default language ${d.defaultLocale ?? "none (DEFAULT_LOCALE applies)"}`,
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
