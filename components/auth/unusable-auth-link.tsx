import { getTranslations } from "next-intl/server";
import { BackToSignIn } from "@/components/auth/back-to-sign-in";
import { Card } from "@/components/ui/card";

/**
 * The one answer for a link that cannot be used: the same words whether it expired, was used,
 * revoked, tampered with or never existed, so the page tells a guesser nothing.
 */
export async function UnusableAuthLink() {
  const t = await getTranslations("auth.link.unusable");
  return (
    <Card title={t("heading")} headingLevel={1} data-testid="auth-link-unusable">
      <p className="text-sm text-muted">{t("body")}</p>
      <BackToSignIn label={t("signIn")} />
    </Card>
  );
}
