import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackToSignIn } from "@/components/auth/back-to-sign-in";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.saml.error");
  return { title: t("metaTitle") };
}

/**
 * Every SAML failure ends here with the same words; the reason is in the audit trail under the
 * reference, for the administrator the person calls.
 */
export default async function SamlErrorPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const raw = (await searchParams).ref ?? "";
  const reference = /^[A-Z2-9]{8}$/.test(raw) ? raw : null;
  const t = await getTranslations("auth.saml.error");
  return (
    <Card title={t("heading")} headingLevel={1}>
      <p className="text-sm text-muted">{t("body")}</p>
      {reference && (
        <p className="mt-3 text-sm">
          {t("reference")}{" "}
          <code className="font-mono font-semibold" data-testid="saml-error-reference">
            {reference}
          </code>
        </p>
      )}
      <BackToSignIn label={t("signIn")} />
    </Card>
  );
}
