import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { UnusableAuthLink } from "@/components/auth/unusable-auth-link";
import { Card } from "@/components/ui/card";
import { AUTH_LINK_TOKEN_MAX, authLinkPageMetadata } from "@/lib/auth-links/auth-link-page-metadata";
import { openAuthLink } from "@/lib/auth-links/open-auth-link";
import { requestContext } from "@/lib/http/request-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.link.password");
  return authLinkPageMetadata(t("metaTitle"));
}

/** Step two of a temporary link: the new password. Submitting it consumes the link. */
export default async function AuthLinkPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.slice(0, AUTH_LINK_TOKEN_MAX);
  const link = await openAuthLink(token, await requestContext());
  if (!link) return <UnusableAuthLink />;
  // A permanent link sets no password: its welcome page signs in directly.
  if (link.permanent) redirect(`/link/${token}`);
  const t = await getTranslations("auth.link.password");
  return (
    <Card title={t("heading")} description={link.needsSecondFactor ? t("descriptionWithSecondFactor") : t("description")} headingLevel={1}>
      <LinkPasswordForm token={token} email={link.email} />
    </Card>
  );
}
