import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { PermanentLinkContinue } from "@/components/auth/permanent-link-continue";
import { UnusableAuthLink } from "@/components/auth/unusable-auth-link";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { AUTH_LINK_TOKEN_MAX, authLinkPageMetadata } from "@/lib/auth-links/auth-link-page-metadata";
import { openAuthLink } from "@/lib/auth-links/open-auth-link";
import { requestContext } from "@/lib/http/request-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.link.welcome");
  return authLinkPageMetadata(t("metaTitle"));
}

/**
 * The new hire's first page. A GET changes nothing (mail scanners open links too): it only says
 * whose account this is and who sent the link; the next step (a POST) uses it.
 */
export default async function AuthLinkWelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.slice(0, AUTH_LINK_TOKEN_MAX);
  const link = await openAuthLink(token, await requestContext());
  if (!link) return <UnusableAuthLink />;
  const t = await getTranslations("auth.link.welcome");
  const facts: [string, ReactNode][] = [
    [
      t("account"),
      <span key="email" data-testid="auth-link-email">
        {link.email}
      </span>,
    ],
    [
      t("invitedBy"),
      <span key="inviter" data-testid="auth-link-inviter">
        {link.inviter || t("anAdministrator")}
      </span>,
    ],
    [t("expires"), link.expiresAt ? <LocalTime key="expires" value={link.expiresAt} /> : t("neverExpires")],
  ];
  return (
    <Card title={link.displayName ? t("headingNamed", { name: link.displayName }) : t("heading")} headingLevel={1}>
      <p className="text-sm text-muted">{link.permanent ? t("introPermanent") : t("introTemporary")}</p>
      <dl className="my-4 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="font-medium break-all">{v}</dd>
          </div>
        ))}
      </dl>
      {link.permanent ? (
        <PermanentLinkContinue token={token} />
      ) : (
        <Link href={`/link/${token}/password`} prefetch={false} className={buttonClassName({ fullWidth: true })}>
          {t("continue")}
        </Link>
      )}
    </Card>
  );
}
