import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { authLinkUrl, newAuthLinkToken } from "@/lib/auth-links/auth-link-token";
import { checkAuthLinkHours, HOUR_MS, parseAuthLinkIpRanges } from "@/lib/auth-links/auth-link-rules";
import { getDb } from "@/lib/db/client";
import { invalidInput, notFound } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { findUser } from "@/lib/users/find-user";

export type CreateAuthLinkInput = {
  /** The account: user id (the console) or email (the CLI). */
  userId: string;
  /** Temporary links only: lifetime in whole hours, 1..168; the domain's authLinkHours by default. */
  hours?: number;
  permanent?: boolean;
  /** Permanent links only: comma-separated CIDRs it may be used from; empty means anywhere. */
  allowedIpRanges?: string;
  /** A permanent link signs in without password or second factor until revoked: the caller must confirm that. */
  confirmPermanent?: boolean;
};

export type CreatedAuthLink = { id: string; url: string; token: string; expiresAt: Date | null; permanent: boolean };

/**
 * A new auth link for an account (disabled accounts too: the link only works once they are
 * active). A temporary one replaces the account's older pending temporary links, in the same
 * transaction. The raw token is returned here once; the database keeps its hash.
 */
export async function createAuthLink(input: CreateAuthLinkInput, actor: Actor, now = new Date()): Promise<CreatedAuthLink> {
  // Every check first, so a refusal writes nothing.
  const permanent = input.permanent === true;
  let hours: number | null = null;
  let allowedIpRanges = "";
  if (permanent) {
    if (input.hours != null) throw invalidInput("hours", messageKey("errors.authLink.permanentHours"));
    if (input.confirmPermanent !== true) throw invalidInput("confirmPermanent", messageKey("errors.authLink.confirmPermanent"));
    allowedIpRanges = parseAuthLinkIpRanges(input.allowedIpRanges);
  } else {
    if (typeof input.allowedIpRanges === "string" && input.allowedIpRanges.trim() !== "")
      throw invalidInput("allowedIpRanges", messageKey("errors.authLink.rangesNeedPermanent"));
    if (input.hours != null) hours = checkAuthLinkHours(input.hours);
  }
  const found = await findUser(String(input.userId ?? "").slice(0, 320));
  const user = await getDb().user.findUnique({
    where: { id: found.id },
    select: { id: true, email: true, domain: { select: { authLinkHours: true } } },
  });
  if (!user) throw notFound("User");
  // A domain value outside 1..168 (edited by hand) is clamped rather than trusted.
  const lifetimeHours = hours ?? Math.min(Math.max(user.domain.authLinkHours, 1), 168);
  const expiresAt = permanent ? null : new Date(now.getTime() + lifetimeHours * HOUR_MS);
  const token = newAuthLinkToken();

  const id = await getDb().$transaction(async (tx) => {
    const subject = { id: user.id, email: user.email };
    let replaced = 0;
    if (!permanent) {
      const older = await tx.authLink.updateMany({
        where: { userId: user.id, permanent: false, revokedAt: null, usedAt: null, expiresAt: { gt: now } },
        data: { revokedAt: now },
      });
      replaced = older.count;
      if (replaced > 0) {
        await recordAuditEvent(tx, {
          actor,
          subject,
          action: "auth_link.revoke",
          result: "success",
          details: { which: "replaced", count: replaced },
        });
      }
    }
    const row = await tx.authLink.create({
      data: {
        userId: user.id,
        tokenHash: token.hash,
        permanent,
        allowedIpRanges,
        createdById: actor.id ?? null,
        createdByEmail: (actor.email ?? "").slice(0, 320),
        createdAt: now,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      subject,
      action: "auth_link.create",
      result: "success",
      details: { linkId: row.id, permanent, expiresAt: expiresAt?.toISOString() ?? null, ipRanges: allowedIpRanges || null, replaced },
    });
    return row.id;
  });
  return { id, url: authLinkUrl(token.raw), token: token.raw, expiresAt, permanent };
}
