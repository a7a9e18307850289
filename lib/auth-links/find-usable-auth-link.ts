import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lookupHashOf } from "@/lib/auth-links/auth-link-token";
import { getDb } from "@/lib/db/client";
import { ipInRanges, parseIpRanges } from "@/lib/net/cidr";
import { releaseAttempt, reserveIpAttempt, type Reservation } from "@/lib/throttle/reserve-attempt";

// The first half of every way through an auth link (open, redeem): the client IP is counted in the
// shared sign-in throttle before the token is looked up, and handed back only when the link turns
// out usable, so guessing tokens from one address slows down like guessing passwords.

export type AuthLinkClient = { ip: string; userAgent?: string };

const linkSelect = {
  id: true,
  permanent: true,
  allowedIpRanges: true,
  createdById: true,
  createdByEmail: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  user: { select: { id: true, email: true, displayName: true, status: true, domainId: true } },
} as const;

export type FoundAuthLink = {
  id: string;
  permanent: boolean;
  allowedIpRanges: string;
  createdById: string | null;
  createdByEmail: string;
  expiresAt: Date | null;
  usedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; email: string; displayName: string; status: string; domainId: string };
};

export type LinkLookup =
  | { usable: true; link: FoundAuthLink; reservation: Reservation }
  /** `link` is set when the token was one of ours, so the refusal can be audited against it. */
  | { usable: false; link: FoundAuthLink | null; reason: string };

/** Why a link cannot be used by this client now, or null when it can. */
export function refusalReason(link: FoundAuthLink, ip: string, now: Date): string | null {
  if (link.revokedAt) return "revoked";
  if (!link.permanent && link.usedAt) return "used";
  if (!link.permanent && !(link.expiresAt && link.expiresAt > now)) return "expired";
  if (link.user.status !== "active") return "account_not_active";
  if (link.permanent && link.allowedIpRanges && !ipInRanges(ip, parseIpRanges(link.allowedIpRanges))) return "ip_not_allowed";
  return null;
}

/** Counts the attempt, looks the token up and checks it; a usable link's attempt is handed back by the caller. */
export async function findUsableAuthLink(raw: string, client: AuthLinkClient, now: Date): Promise<LinkLookup> {
  const reserved = await reserveIpAttempt(client.ip, now);
  if (!reserved.reserved) return { usable: false, link: null, reason: "throttled" };
  const hash = lookupHashOf(raw);
  const link = hash ? await getDb().authLink.findUnique({ where: { tokenHash: hash }, select: linkSelect }) : null;
  if (!link) return { usable: false, link: null, reason: "unknown" };
  const reason = refusalReason(link, client.ip, now);
  if (reason) return { usable: false, link, reason };
  return { usable: true, link, reservation: reserved.reservation };
}

/** The attempt was good after all (a usable link): it does not count as a failure. */
export const releaseLinkAttempt = (reservation: Reservation) => releaseAttempt(reservation);

/** A refused use of a known link, in the audit trail (never the token). */
export async function auditRefusedUse(link: FoundAuthLink, reason: string, client: AuthLinkClient): Promise<void> {
  await getDb().$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { id: link.user.id, email: link.user.email, ip: client.ip, userAgent: client.userAgent },
      subject: { id: link.user.id, email: link.user.email },
      action: "auth_link.use",
      result: "failure",
      details: { linkId: link.id, permanent: link.permanent, reason },
    }),
  );
}
