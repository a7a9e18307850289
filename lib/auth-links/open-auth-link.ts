import { findUsableAuthLink, releaseLinkAttempt, type AuthLinkClient } from "@/lib/auth-links/find-usable-auth-link";
import { getDb } from "@/lib/db/client";
import { decideSecondFactor } from "@/lib/two-factor/decide-second-factor";

export type OpenedAuthLink = {
  linkId: string;
  permanent: boolean;
  email: string;
  displayName: string;
  /** The creator's display name, else their address; "" when the CLI made it (the page says "an administrator"). */
  inviter: string;
  expiresAt: Date | null;
  /** Whether the path goes through a second factor (setting one up, or a code) after the password. */
  needsSecondFactor: boolean;
};

/**
 * What the welcome page shows for a link. A GET must change nothing (mail scanners open links),
 * so this only reads; but a link that cannot be used (unknown, tampered, expired, used, revoked,
 * account not active, address not allowed) counts against the client IP in the sign-in throttle,
 * and a throttled IP is answered null even for a good link. Every case is the same null.
 */
export async function openAuthLink(raw: string, client: AuthLinkClient, now = new Date()): Promise<OpenedAuthLink | null> {
  const found = await findUsableAuthLink(raw, client, now);
  if (!found.usable) return null;
  await releaseLinkAttempt(found.reservation);
  const { link } = found;
  let needsSecondFactor = false;
  if (!link.permanent) {
    const decision = await decideSecondFactor({ userId: link.user.id, domainId: link.user.domainId, ip: client.ip }, now);
    needsSecondFactor = "refused" in decision || decision.stage !== "ready";
  }
  return {
    linkId: link.id,
    permanent: link.permanent,
    email: link.user.email,
    displayName: link.user.displayName,
    inviter: await inviterOf(link),
    expiresAt: link.expiresAt,
    needsSecondFactor,
  };
}

async function inviterOf(link: { createdById: string | null; createdByEmail: string }): Promise<string> {
  if (link.createdById) {
    const creator = await getDb().user.findUnique({ where: { id: link.createdById }, select: { displayName: true, email: true } });
    if (creator) return creator.displayName || creator.email;
  }
  // The CLI's actor is "cli:<login name>": not a person the new hire knows.
  return link.createdByEmail.startsWith("cli:") ? "" : link.createdByEmail;
}
