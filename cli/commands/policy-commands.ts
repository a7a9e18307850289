// `gatehouse auth policy …` (Carbonio's syntax: `policy set WebUI domain example.com 2fa_policy 2`)
// and `gatehouse auth twoFactor …` for the admin's "require 2FA" switch.
import { UsageError } from "@/cli/args";
import { cliActor, defineCommand, formatTable } from "@/cli/command";
import { clearPolicy } from "@/lib/two-factor/policies/clear-policy";
import { listPolicies } from "@/lib/two-factor/policies/list-policies";
import { POLICY_WORDS, TRUSTED_DEVICE_LIFETIME, type PolicyTarget } from "@/lib/two-factor/policies/policy-values";
import { setPolicy } from "@/lib/two-factor/policies/set-policy";
import { getTrustedDeviceLifetimeDays, setTrustedDeviceLifetimeDays } from "@/lib/two-factor/policies/trusted-device-lifetime";
import { getAdminTwoFactorSettings, setAdminsRequireTwoFactor } from "@/lib/two-factor/requirements/admin-two-factor-setting";
import { getDomainTwoFactorSettings } from "@/lib/two-factor/requirements/domain-two-factor-settings";
import { setDomainTwoFactorRequired, setUserTwoFactorRequired } from "@/lib/two-factor/requirements/set-two-factor-requirement";
import { twoFactorRequirementDetails } from "@/lib/two-factor/requirements/two-factor-requirement";
import { findUser } from "@/lib/users/find-user";

const shown = (word: string) => JSON.stringify(word.length > 40 ? `${word.slice(0, 40)}…` : word);

/** Scope given as the words `domain D` / `global`, or as --domain D / --global. */
const scopeSpec = {
  optionalPositionals: ["scope", "domain"],
  scopeOptions: { domain: { type: "string" }, global: { type: "boolean" } },
} as const;

function targetOf(words: { scope?: string; domain?: string }, flags: { domain?: string; global?: boolean }): PolicyTarget {
  const fromFlags = flags.domain !== undefined || flags.global;
  if (fromFlags && words.scope !== undefined)
    throw new UsageError(`Unexpected argument ${shown(words.scope)}: the scope was already given by a flag.`);
  if (flags.domain !== undefined && flags.global) throw new UsageError("Give either --domain or --global, not both.");
  if (flags.domain !== undefined) return { domain: flags.domain };
  if (flags.global) return { scope: "global" };
  const scope = words.scope?.toLowerCase();
  if (scope === "global") {
    if (words.domain !== undefined) throw new UsageError(`Unexpected argument ${shown(words.domain)} after global.`);
    return { scope: "global" };
  }
  if (scope === "domain") {
    if (words.domain === undefined) throw new UsageError("domain needs a domain name.");
    return { domain: words.domain };
  }
  if (words.scope === undefined) throw new UsageError("Say domain <name> or global.");
  throw new UsageError(`Say domain <name> or global, not ${shown(words.scope)}.`);
}

function parseBool(name: string, raw: string): boolean {
  const word = raw.trim().toLowerCase();
  if (["true", "yes", "1"].includes(word)) return true;
  if (["false", "no", "0"].includes(word)) return false;
  throw new UsageError(`${name} must be true or false, not ${shown(raw)}.`);
}

const scopeName = (r: { domain: string | null }) => (r.domain ? `domain ${r.domain}` : "global");
const ranges = (list: string[]) => (list.length ? list.join(",") : "-");
const when = (d: Date | string | null) => (d ? new Date(d).toISOString() : "-");

export const policyCommands = [
  defineCommand({
    path: ["auth", "policy", "list"],
    summary: "show every service's 2FA policy for a domain or globally: what is set there and what applies",
    usage: "gatehouse auth policy list domain <D>|global [service S] [--domain D | --global] [--json]",
    spec: {
      positionals: [],
      optionalPositionals: scopeSpec.optionalPositionals,
      options: { ...scopeSpec.scopeOptions, service: { type: "string", keyValue: true } },
    },
    run: async ({ positionals, options }) => listPolicies(targetOf(positionals, options), { service: options.service }),
    text: (list) =>
      `2FA policies, ${scopeName(list)}:\n` +
      formatTable(
        list.policies.map((p) => ({
          service: p.service,
          "2fa_policy": p.applies.twoFactorPolicy,
          trusted_ip_range: ranges(p.applies.trustedIpRanges),
          ip_can_change: p.applies.ipCanChange,
          from: p.applies.source === (list.domain ? "domain" : "global") ? "set here" : p.applies.source,
          meaning: POLICY_WORDS[p.applies.twoFactorPolicy],
        })),
        ["service", "2fa_policy", "trusted_ip_range", "ip_can_change", "from", "meaning"],
      ),
  }),
  defineCommand({
    path: ["auth", "policy", "set"],
    summary: `set a service's 2FA policy (0 = ${POLICY_WORDS[0]}; 1 = ${POLICY_WORDS[1]}; 2 = ${POLICY_WORDS[2]}); trusted_ip_range "" clears the ranges`,
    usage:
      "gatehouse auth policy set <Service> domain <D>|global [2fa_policy 0|1|2] [trusted_ip_range CIDR,…] [ip_can_change true|false] [--json]",
    spec: {
      positionals: ["service"],
      optionalPositionals: scopeSpec.optionalPositionals,
      options: {
        ...scopeSpec.scopeOptions,
        "2fa_policy": { type: "int", keyValue: true, aliases: ["twoFactorPolicy"] },
        trusted_ip_range: { type: "string", keyValue: true, aliases: ["trusted_ip_ranges", "trustedIpRanges"] },
        ip_can_change: { type: "boolean", keyValue: true },
      },
    },
    async run({ positionals, options }) {
      const target = targetOf(positionals, options);
      return setPolicy(
        target,
        positionals.service,
        { twoFactorPolicy: options["2fa_policy"], trustedIpRanges: options.trusted_ip_range, ipCanChange: options.ip_can_change },
        cliActor(),
      );
    },
    text: (p) =>
      `${p.service} policy, ${scopeName(p)}: 2fa_policy ${p.twoFactorPolicy} (${POLICY_WORDS[p.twoFactorPolicy]}) | ` +
      `trusted_ip_range ${ranges(p.trustedIpRanges)} | ip_can_change ${p.ipCanChange}`,
  }),
  defineCommand({
    path: ["auth", "policy", "delete"],
    summary: "remove a service's policy at a scope: a domain follows the global policy again, global falls back to 0",
    usage: "gatehouse auth policy delete <Service> domain <D>|global [--json]",
    spec: { positionals: ["service"], optionalPositionals: scopeSpec.optionalPositionals, options: { ...scopeSpec.scopeOptions } },
    run: async ({ positionals, options }) => clearPolicy(targetOf(positionals, options), positionals.service, cliActor()),
    text: (r) => (r.removed ? `removed the ${r.service} policy of ${r.scope}` : `${r.scope} had no ${r.service} policy of its own`),
  }),
  defineCommand({
    path: ["auth", "policy", "trustedDevice", "getExpiration"],
    summary: "show how many days a trusted device skips the second factor",
    usage: "gatehouse auth policy trustedDevice getExpiration [--json]",
    spec: { positionals: [], options: {} },
    run: async () => ({ days: await getTrustedDeviceLifetimeDays() }),
    text: (r) => `trusted devices expire after ${r.days} day(s)`,
  }),
  defineCommand({
    path: ["auth", "policy", "trustedDevice", "setExpiration"],
    summary: `set how many days (${TRUSTED_DEVICE_LIFETIME.minDays}..${TRUSTED_DEVICE_LIFETIME.maxDays}) a trusted device skips the second factor; shortening also caps devices already trusted`,
    usage: "gatehouse auth policy trustedDevice setExpiration <days> | days <N> [--json]",
    spec: { positionals: [], optionalPositionals: ["value"], options: { days: { type: "int", keyValue: true } } },
    async run({ positionals, options }) {
      if (positionals.value !== undefined && options.days !== undefined) throw new UsageError("Give the number of days once.");
      let days = options.days;
      if (positionals.value !== undefined) {
        if (!/^\d{1,6}$/.test(positionals.value.trim()))
          throw new UsageError(`days must be a whole number, not ${shown(positionals.value)}.`);
        days = Number(positionals.value.trim());
      }
      if (days === undefined) throw new UsageError("Missing <days>.");
      return { days: await setTrustedDeviceLifetimeDays(days, cliActor()) };
    },
    text: (r) => `trusted devices now expire after ${r.days} day(s)`,
  }),
  defineCommand({
    path: ["auth", "twoFactor", "require"],
    summary:
      "require 2FA (true, the default) or stop requiring it (false) for one account, every account of a domain, " +
      "or every administrator (admins; on by default for new installations); " +
      "grace_days (0..90, domain only) is how long accounts without a device may still enrol at sign-in",
    usage: "gatehouse auth twoFactor require <account> | domain <D> | admins [true|false] [grace_days N] [--json]",
    spec: {
      positionals: ["target"],
      optionalPositionals: ["second", "third"],
      options: { grace_days: { type: "int", keyValue: true, aliases: ["graceDays"] } },
    },
    async run({ positionals, options }) {
      const { target, second, third } = positionals;
      if (target.toLowerCase() === "admins") {
        if (third !== undefined) throw new UsageError(`Unexpected argument ${shown(third)}.`);
        if (options.grace_days !== undefined)
          throw new UsageError("grace_days applies to a domain; an administrator's grace period is their domain's.");
        const required = second === undefined ? true : parseBool("required", second);
        return { kind: "admins" as const, ...(await setAdminsRequireTwoFactor(required, cliActor())) };
      }
      if (target.toLowerCase() === "domain") {
        if (second === undefined) throw new UsageError("domain needs a domain name.");
        const required = third === undefined ? true : parseBool("required", third);
        await setDomainTwoFactorRequired(second, { required, graceDays: options.grace_days }, cliActor());
        return { kind: "domain" as const, ...(await getDomainTwoFactorSettings(second)) };
      }
      if (third !== undefined) throw new UsageError(`Unexpected argument ${shown(third)}.`);
      if (options.grace_days !== undefined) {
        throw new UsageError("grace_days applies to a domain; an account's grace period is its domain's.");
      }
      const required = second === undefined ? true : parseBool("required", second);
      const user = await findUser(target);
      await setUserTwoFactorRequired(user.id, required, cliActor());
      return { kind: "account" as const, account: user.email, ...(await twoFactorRequirementDetails(user.id)) };
    },
    text: twoFactorStatusText,
  }),
  defineCommand({
    path: ["auth", "twoFactor", "status"],
    summary: "show whether 2FA is required for an account (and until when it may still enrol), for a domain, or for administrators",
    usage: "gatehouse auth twoFactor status <account> | domain <D> | admins [--json]",
    spec: { positionals: ["target"], optionalPositionals: ["second"], options: {} },
    async run({ positionals }) {
      const { target, second } = positionals;
      if (target.toLowerCase() === "admins") {
        if (second !== undefined) throw new UsageError(`Unexpected argument ${shown(second)}.`);
        return { kind: "admins" as const, ...(await getAdminTwoFactorSettings()) };
      }
      if (target.toLowerCase() === "domain") {
        if (second === undefined) throw new UsageError("domain needs a domain name.");
        return { kind: "domain" as const, ...(await getDomainTwoFactorSettings(second)) };
      }
      if (second !== undefined) throw new UsageError(`Unexpected argument ${shown(second)}.`);
      const user = await findUser(target);
      return { kind: "account" as const, account: user.email, ...(await twoFactorRequirementDetails(user.id)) };
    },
    text: twoFactorStatusText,
  }),
];

type TwoFactorStatus =
  | ({ kind: "admins" } & Parameters<typeof adminsLine>[0])
  | ({ kind: "domain" } & Awaited<ReturnType<typeof getDomainTwoFactorSettings>>)
  | ({ kind: "account" } & Parameters<typeof accountLine>[0]);

function twoFactorStatusText(r: TwoFactorStatus): string {
  if (r.kind === "admins") return adminsLine(r);
  if (r.kind === "account") return accountLine(r);
  return (
    `domain ${r.domain}: 2FA ${r.required ? "required" : "not required"} for every account; grace ${r.graceDays} day(s); ` +
    `${r.usersWithoutDevice} of ${r.userCount} account(s) have no device yet`
  );
}

function adminsLine(r: { required: boolean; adminCount: number; adminsWithoutDevice: number }) {
  return (
    `administrators: 2FA ${r.required ? "required" : "not required"}; ` +
    `${r.adminsWithoutDevice} of ${r.adminCount} administrator(s) have no device yet`
  );
}

function accountLine(r: {
  account: string;
  required: boolean;
  userRequires: boolean;
  domainRequires: boolean;
  adminRequires: boolean;
  domain: string;
  graceEndsAt: Date | null;
  inGrace: boolean;
}) {
  if (!r.required) return `${r.account}: 2FA not required`;
  const by = [
    r.userRequires ? "for this account" : null,
    r.domainRequires ? `for domain ${r.domain}` : null,
    r.adminRequires ? "for administrators" : null,
  ]
    .filter(Boolean)
    .join(" and ");
  return `${r.account}: 2FA required ${by}; enrolment grace ${r.inGrace ? "until" : "ended"} ${when(r.graceEndsAt)}`;
}
