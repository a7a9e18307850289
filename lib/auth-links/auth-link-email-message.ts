import "server-only";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { isPending } from "@/lib/auth-links/auth-link-rules";
import { authLinkUrl, lookupHashOf } from "@/lib/auth-links/auth-link-token";
import { composeAuthLinkEmail, type ComposedEmail } from "@/lib/auth-links/compose-auth-link-email";
import { getSettings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { messageKey } from "@/lib/i18n/message-key";
import { hasSecondFactor } from "@/lib/two-factor/devices/has-second-factor";
import { resolvePolicy } from "@/lib/two-factor/policies/resolve-policy";
import { twoFactorRequirement } from "@/lib/two-factor/requirements/two-factor-requirement";

// What sending a link by SMTP and by mailto: share: the checks on the link and the message itself.
// The admin's browser holds the raw token only in the overlay that just created the link; the
// token must hash to that link, so an id alone (from the list of links) can never mail a link out.

export type AuthLinkMessage = {
  link: { id: string; permanent: boolean };
  user: { id: string; email: string };
  message: ComposedEmail;
};

export type AuthLinkMessageInput = { linkId: string; token: string };

/** The message for a pending link of an active account, or one refusal whatever was wrong (audited as denied). */
export async function authLinkMessage(input: AuthLinkMessageInput, actor: Actor, now: Date): Promise<AuthLinkMessage> {
  const hash = typeof input.linkId === "string" && input.linkId.length <= 64 ? lookupHashOf(input.token) : null;
  const link = hash
    ? await getDb().authLink.findFirst({
        where: { id: input.linkId, tokenHash: hash },
        select: {
          id: true,
          permanent: true,
          expiresAt: true,
          usedAt: true,
          revokedAt: true,
          user: {
            select: {
              id: true,
              email: true,
              displayName: true,
              status: true,
              locale: true,
              domainId: true,
              domain: { select: { defaultLocale: true } },
            },
          },
        },
      })
    : null;
  const reason = !link ? "unknown" : !isPending(link, now) ? "not_pending" : link.user.status !== "active" ? "account_not_active" : null;
  if (!link || reason) {
    await getDb().$transaction((tx) =>
      recordAuditEvent(tx, {
        actor,
        subject: link ? { id: link.user.id, email: link.user.email } : undefined,
        action: "auth_link.send",
        result: "denied",
        details: { linkId: String(input.linkId).slice(0, 64), reason: reason ?? "unknown" },
      }),
    );
    throw new AppError("not_found", messageKey("errors.mail.linkUnusable"));
  }

  const { user } = link;
  const locale: Locale = isLocale(user.locale)
    ? user.locale
    : isLocale(user.domain.defaultLocale)
      ? user.domain.defaultLocale
      : getSettings().defaultLocale;
  const message = composeAuthLinkEmail({
    locale,
    recipient: { email: user.email, displayName: user.displayName },
    inviter: await inviterName(actor),
    // Rebuilt here from PUBLIC_URL: a URL sent by a client is never mailed out.
    url: authLinkUrl(input.token),
    permanent: link.permanent,
    expiresAt: link.permanent ? null : link.expiresAt,
    needsSecondFactor: !link.permanent && (await mustEnrolSecondFactor(user.id, user.domainId, now)),
  });
  return { link: { id: link.id, permanent: link.permanent }, user: { id: user.id, email: user.email }, message };
}

/** The sender as the new hire knows them: display name, else address; null for the CLI ("cli:root" means nothing to them). */
async function inviterName(actor: Actor): Promise<string | null> {
  const row = actor.id ? await getDb().user.findUnique({ where: { id: actor.id }, select: { displayName: true, email: true } }) : null;
  return row ? row.displayName.trim() || row.email : null;
}

/** After choosing a password, will sign-in ask this account to enrol an authenticator (as decideSecondFactor does)? */
async function mustEnrolSecondFactor(userId: string, domainId: string, now: Date): Promise<boolean> {
  const [policy, enrolled, requirement] = await Promise.all([
    resolvePolicy(domainId, "WebUI"),
    hasSecondFactor(userId),
    twoFactorRequirement(userId, now),
  ]);
  return !enrolled && (policy.twoFactorPolicy !== 0 || requirement.required);
}
