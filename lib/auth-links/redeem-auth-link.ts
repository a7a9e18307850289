import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authLinkUnusable } from "@/lib/auth-links/auth-link-rules";
import {
  auditRefusedUse,
  findUsableAuthLink,
  releaseLinkAttempt,
  type AuthLinkClient,
  type FoundAuthLink,
} from "@/lib/auth-links/find-usable-auth-link";
import { createLoginTicket, LINK_TICKET_TTL_MS } from "@/lib/auth/login-ticket";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/passwords/hash-password";
import { PERMANENT_LINK_AUTH_METHOD } from "@/lib/sessions/session-store";
import { decideSecondFactor } from "@/lib/two-factor/decide-second-factor";
import { checkPasswordPolicy, writeNewPassword } from "@/lib/users/store-new-password";

/** Where a temporary link leads after the password: set up a second factor, give a code, or signed in. */
export type LinkStage = "enrol" | "otp" | "ready";

/**
 * The new hire's first step: consumes a temporary link and sets the account's password, in one
 * transaction with a conditional update, so of parallel requests on one link exactly one wins.
 * Like a password reset it ends the account's sessions, trusted devices and other pending links
 * (service credentials are kept: whoever made the link did not ask to revoke them). The login
 * ticket it returns says what is left, as at the password step of sign-in (decideSecondFactor):
 * "enrol" when a second factor is required and the account has none, even past the grace period
 * (the link is the way such users get back in); "otp" when the account already has an
 * authenticator (a link stands in for the password, never for a device the user has); "ready"
 * otherwise. The ticket lives LINK_TICKET_TTL_MS, time to install an authenticator app.
 */
export async function redeemTemporaryAuthLink(
  raw: string,
  newPassword: string,
  client: AuthLinkClient,
  now = new Date(),
): Promise<{ ticket: string; stage: LinkStage }> {
  const found = await findUsableAuthLink(raw, client, now);
  if (!found.usable || found.link.permanent) return refuse(found.link, found.usable ? "not_temporary" : found.reason, client);
  const { link, reservation } = found;
  const user = { id: link.user.id, email: link.user.email };
  try {
    await checkPasswordPolicy(typeof newPassword === "string" ? newPassword : "", user, "password");
  } catch (error) {
    await releaseLinkAttempt(reservation); // a good link with a weak password is no guess
    throw error;
  }
  const decision = await decideSecondFactor({ userId: user.id, domainId: link.user.domainId, ip: client.ip }, now);
  const stage: LinkStage = "refused" in decision ? "enrol" : decision.stage;
  const skippedBy = "refused" in decision ? undefined : decision.skippedBy;
  // argon2 is slow: hashed before the transaction, so the transaction stays short.
  const passwordHash = await hashPassword(newPassword);
  const actor = { id: user.id, email: user.email, ip: client.ip, userAgent: client.userAgent };

  let ticket: string;
  try {
    ticket = await getDb().$transaction(async (tx) => {
      const consumed = await tx.authLink.updateMany({
        where: { id: link.id, permanent: false, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now, usedIp: (client.ip ?? "").slice(0, 64), useCount: { increment: 1 } },
      });
      if (consumed.count !== 1) throw authLinkUnusable();
      const revoked = await writeNewPassword(
        tx,
        user,
        passwordHash,
        { action: "user.password.change", actor, keepCredentials: true, details: { via: "auth_link", linkId: link.id } },
        now,
      );
      await recordAuditEvent(tx, {
        actor,
        subject: user,
        action: "auth_link.use",
        result: "success",
        details: { linkId: link.id, permanent: false, next: stage, sessionsRevoked: revoked.sessions },
      });
      if (skippedBy)
        await recordAuditEvent(tx, { actor, subject: user, action: "login.2fa.skipped", result: "success", details: { by: skippedBy } });
      return createLoginTicket(
        tx,
        { userId: user.id, stage, authMethod: "link", ip: client.ip, userAgent: client.userAgent, ttlMs: LINK_TICKET_TTL_MS },
        now,
      );
    });
  } catch (error) {
    // Lost the race to a parallel request (or revoked meanwhile): the same answer as any unusable link.
    if (error instanceof AppError && error.code === "link_unusable") return refuse(link, "used", client);
    throw error;
  }
  await releaseLinkAttempt(reservation);
  return { ticket, stage };
}

/**
 * A permanent link signs in to the WebUI without password or second factor: the risk the admin
 * confirmed when creating it. Each use is counted and audited, and checked against the link's IP
 * ranges. The session it opens is no admin session and carries no fresh proof (see
 * PERMANENT_LINK_AUTH_METHOD), so account settings still ask for the password or a code.
 */
export async function redeemPermanentAuthLink(
  raw: string,
  client: AuthLinkClient,
  now = new Date(),
): Promise<{ ticket: string; stage: "ready" }> {
  const found = await findUsableAuthLink(raw, client, now);
  if (!found.usable || !found.link.permanent) return refuse(found.link, found.usable ? "not_permanent" : found.reason, client);
  const { link, reservation } = found;
  const user = { id: link.user.id, email: link.user.email };
  const actor = { id: user.id, email: user.email, ip: client.ip, userAgent: client.userAgent };
  let ticket: string;
  try {
    ticket = await getDb().$transaction(async (tx) => {
      const used = await tx.authLink.updateMany({
        where: { id: link.id, permanent: true, revokedAt: null },
        data: { usedAt: now, usedIp: (client.ip ?? "").slice(0, 64), useCount: { increment: 1 } },
      });
      if (used.count !== 1) throw authLinkUnusable();
      await recordAuditEvent(tx, {
        actor,
        subject: user,
        action: "auth_link.use",
        result: "success",
        details: { linkId: link.id, permanent: true },
      });
      return createLoginTicket(
        tx,
        { userId: user.id, stage: "ready", authMethod: PERMANENT_LINK_AUTH_METHOD, ip: client.ip, userAgent: client.userAgent },
        now,
      );
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "link_unusable") return refuse(link, "revoked", client);
    throw error;
  }
  await releaseLinkAttempt(reservation);
  return { ticket, stage: "ready" };
}

/** Audits a refused use of a known link, then gives the one answer for every unusable case. */
async function refuse(link: FoundAuthLink | null, reason: string, client: AuthLinkClient): Promise<never> {
  if (link) await auditRefusedUse(link, reason, client);
  throw authLinkUnusable();
}
