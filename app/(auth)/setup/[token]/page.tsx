import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/card";
import { isSetupTokenUsable } from "@/lib/setup/first-admin-setup";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.setup");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.setup");
  if (!(await isSetupTokenUsable(token))) {
    return (
      <Card title={t("unusableHeading")} headingLevel={1}>
        <p className="text-sm text-muted">{t.rich("unusableText", { command: (chunks) => <code>{chunks}</code> })}</p>
      </Card>
    );
  }
  return (
    <Card title={t("heading")} description={t("description")} headingLevel={1}>
      <SetupForm token={token} />
    </Card>
  );
}
