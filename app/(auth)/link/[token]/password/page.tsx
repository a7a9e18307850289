import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LinkPasswordStep } from "@/components/auth/link-password-step";
import { UnusableAuthLink } from "@/components/auth/unusable-auth-link";
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
  // A permanent link sets no password: its welcome page signs in directly.
  if (link?.permanent) redirect(`/link/${token}`);
  const t = await getTranslations("auth.link.password");
  return (
    <LinkPasswordStep
      token={token}
      email={link?.email ?? null}
      description={link?.needsSecondFactor ? t("descriptionWithSecondFactor") : t("description")}
      unusable={<UnusableAuthLink />}
    />
  );
}
