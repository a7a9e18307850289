import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SamlFinish } from "@/components/auth/saml-finish";
import { Card } from "@/components/ui/card";
import { hasLoginTicketAt } from "@/lib/auth/current-login-ticket";
import { safeNextPath } from "@/lib/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.saml");
  return { title: t("metaTitle") };
}

/** Where the assertion consumer service sends a SAML user who needs nothing more. */
export default async function SamlFinishPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasLoginTicketAt("ready"))) redirect("/login");
  const t = await getTranslations("auth.saml");
  return (
    <Card title={t("heading")} headingLevel={1}>
      <SamlFinish next={safeNextPath((await searchParams).next)} />
    </Card>
  );
}
