// `gatehouse auth link create|list|revoke`: auth links for new hires (issue 10), in Carbonio's
// syntax (`auth link create john@example.com hours 24`) or with flags (`--hours 24`). Bad input
// (unknown account, hours, IP ranges, an unknown link id) is one line on stderr and exit code 2,
// with nothing written.
import { refuseSendWithoutMail, sendCreatedLink, sendResultLine } from "@/cli/commands/auth-link-send";
import { asBadInput, cliActor, defineCommand, formatTable } from "@/cli/command";
import { createAuthLink } from "@/lib/auth-links/create-auth-link";
import { listAuthLinks, type AuthLinkView } from "@/lib/auth-links/list-auth-links";
import { revokeAuthLinks } from "@/lib/auth-links/revoke-auth-links";
import { findUser } from "@/lib/users/find-user";

/** Whole hours as typed; anything else is refused by createAuthLink with the allowed range. */
function hoursOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  return /^[+-]?\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
}

type LinkJson = Omit<AuthLinkView, "createdAt" | "expiresAt" | "usedAt"> & {
  createdAt: string;
  expiresAt: string | null;
  usedAt: string | null;
};

const toJson = (v: AuthLinkView): LinkJson => ({
  ...v,
  createdAt: v.createdAt.toISOString(),
  expiresAt: v.expiresAt?.toISOString() ?? null,
  usedAt: v.usedAt?.toISOString() ?? null,
});

export const PERMANENT_LINK_WARNING =
  "warning: a permanent link signs in to this account's WebUI without password or second factor, for anyone who has it, until it is revoked.";

export const authLinkCommands = [
  defineCommand({
    path: ["auth", "link", "create"],
    summary: "create an auth link for an account; prints its URL once (temporary: single use, expires after N hours)",
    usage: "gatehouse auth link create <account> [hours N] [permanent true] [ip_range CIDR,..] [send true] [--json]",
    spec: {
      positionals: ["account"],
      options: {
        hours: { type: "string", keyValue: true },
        permanent: { type: "boolean", keyValue: true },
        ipRange: { type: "string", keyValue: true, aliases: ["ip_ranges", "ipRanges", "allowed_ip_ranges", "allowedIpRanges"] },
        send: { type: "boolean", keyValue: true },
      },
    },
    async run({ positionals, options }, io) {
      const permanent = !!options.permanent;
      refuseSendWithoutMail(options.send);
      const now = new Date();
      const link = await asBadInput(() =>
        createAuthLink(
          {
            userId: positionals.account,
            hours: hoursOf(options.hours),
            permanent,
            allowedIpRanges: options.ipRange,
            // The operator typed `permanent true`: that is the confirmation; the risk is named on stderr.
            confirmPermanent: permanent,
          },
          cliActor(),
          now,
        ),
      );
      if (permanent) io.err(PERMANENT_LINK_WARNING);
      const sent = options.send ? await sendCreatedLink(link, cliActor(), now) : undefined;
      return { id: link.id, url: link.url, expiresAt: link.expiresAt?.toISOString() ?? null, permanent: link.permanent, ...sent };
    },
    text: (r) =>
      [
        r.url,
        r.permanent ? `permanent link ${r.id}: works until revoked` : `temporary link ${r.id}: single use, expires ${r.expiresAt}`,
        ...("sentTo" in r ? [sendResultLine(r)] : []),
        "The URL is shown only now; it cannot be displayed again.",
      ].join("\n"),
  }),
  defineCommand({
    path: ["auth", "link", "list"],
    summary: "list an account's auth links (never their tokens): state, creator, expiry and use",
    usage: "gatehouse auth link list <account> [--json]",
    spec: { positionals: ["account"], options: {} },
    async run({ positionals }) {
      const user = await asBadInput(() => findUser(positionals.account));
      return { account: user.email, links: (await listAuthLinks(user.id)).map(toJson) };
    },
    text: (r) =>
      r.links.length === 0
        ? `${r.account} has no auth links`
        : formatTable(
            r.links.map((l) => ({
              id: l.id,
              kind: l.permanent ? "permanent" : "temporary",
              state: l.state,
              created: l.createdAt,
              expires: l.expiresAt ?? "never",
              creator: l.createdByEmail || "-",
              usedAt: l.usedAt,
              usedIp: l.usedIp,
              uses: l.useCount,
              ipRanges: l.allowedIpRanges.join(",") || "any",
            })),
            ["id", "kind", "state", "created", "expires", "creator", "usedAt", "usedIp", "uses", "ipRanges"],
          ),
  }),
  defineCommand({
    path: ["auth", "link", "revoke"],
    summary: 'revoke one of an account\'s auth links by id, or with "all" every pending one',
    usage: "gatehouse auth link revoke <account> <id|all> [--json]",
    spec: { positionals: ["account", "which"], options: {} },
    async run({ positionals }) {
      const user = await asBadInput(() => findUser(positionals.account));
      const revoked = await asBadInput(() => revokeAuthLinks(user.id, positionals.which, cliActor()));
      return { account: user.email, revoked };
    },
    text: (r) => `revoked ${r.revoked} auth ${r.revoked === 1 ? "link" : "links"} of ${r.account}`,
  }),
];
