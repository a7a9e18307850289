import { cliActor, defineCommand, formatTable } from "@/cli/command";
import { UsageError } from "@/cli/args";
import { createDomain } from "@/lib/domains/create-domain";
import { deleteDomain } from "@/lib/domains/delete-domain";
import { listDomains } from "@/lib/domains/list-domains";
import { AUTH_LINK_HOURS_MAX, AUTH_LINK_HOURS_MIN, isAuthLinkHours } from "@/lib/domains/auth-link-hours";
import { setDomainAuthLinkHours } from "@/lib/domains/set-domain-auth-link-hours";
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
    text: (ds) => formatTable(ds, ["name", "userCount", "require2fa", "defaultLocale", "authLinkHours", "createdAt"]),
  }),
  defineCommand({
    path: ["domain", "update"],
    summary: `set a domain's default language (none: DEFAULT_LOCALE applies) and/or its auth link lifetime in hours (${AUTH_LINK_HOURS_MIN}..${AUTH_LINK_HOURS_MAX})`,
    usage: `gatehouse domain update <domain> [defaultLocale ${SUPPORTED_LOCALES.join("|")}|none] [authLinkHours <${AUTH_LINK_HOURS_MIN}..${AUTH_LINK_HOURS_MAX}>] [--json]`,
    spec: {
      positionals: ["domain"],
      options: { defaultLocale: { type: "string", keyValue: true }, authLinkHours: { type: "int", keyValue: true } },
    },
    async run({ positionals, options }) {
      const name = parseDomain(positionals.domain);
      const { defaultLocale: rawLocale, authLinkHours } = options;
      if (rawLocale === undefined && authLinkHours === undefined)
        throw new UsageError("Nothing to change: give defaultLocale or authLinkHours.");
      // Every value is checked before anything is written.
      const locale = rawLocale?.toLowerCase();
      if (locale !== undefined && locale !== "none" && !isLocale(locale)) {
        throw new UsageError(`defaultLocale must be ${SUPPORTED_LOCALES.join(", ")} or none.`);
      }
      if (authLinkHours !== undefined && !isAuthLinkHours(authLinkHours)) {
        throw new UsageError(
          `authLinkHours must be a whole number from ${AUTH_LINK_HOURS_MIN} to ${AUTH_LINK_HOURS_MAX}, not ${authLinkHours}.`,
        );
      }
      let view = locale === undefined ? null : await setDomainDefaultLocale(name, locale === "none" ? null : locale, cliActor());
      if (authLinkHours !== undefined) view = await setDomainAuthLinkHours(name, authLinkHours, cliActor());
      return {
        ...view!,
        changed: [...(locale === undefined ? [] : ["defaultLocale"]), ...(authLinkHours === undefined ? [] : ["authLinkHours"])],
      };
    },
    text: ({ changed, ...d }) =>
      [
        changed.includes("defaultLocale") && `domain ${d.name}: default language ${d.defaultLocale ?? "none (DEFAULT_LOCALE applies)"}`,
        changed.includes("authLinkHours") && `domain ${d.name}: auth links last ${d.authLinkHours} hour(s)`,
      ]
        .filter(Boolean)
        .join("\n"),
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
