import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppPasswordForm } from "@/components/credentials/app-password-form";
import { MobileAppForm } from "@/components/credentials/mobile-app-form";
import { MobilePasswordForm } from "@/components/credentials/mobile-password-form";
import { OwnCredentialsList } from "@/components/credentials/own-credentials-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-session";
import { SELF_SERVICE_SERVICES } from "@/lib/credentials/credential-rules";
import { toCredentialJson } from "@/lib/credentials/credential-view";
import { listCredentials } from "@/lib/credentials/list-credentials";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("credentials.page");
  return { title: t("title") };
}

export default async function CredentialsPage() {
  const user = await requireUser();
  const t = await getTranslations("credentials.page");
  const credentials = (await listCredentials(user.id)).map(toCredentialJson);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("mobilePasswords")} description={t("mobilePasswordsDescription")}>
        <MobilePasswordForm />
      </Card>
      <Card title={t("mobileApps")} description={t("mobileAppsDescription")}>
        <MobileAppForm />
      </Card>
      <Card title={t("appPasswords")} description={t("appPasswordsDescription")}>
        <AppPasswordForm services={SELF_SERVICE_SERVICES} />
      </Card>
      <Card title={t("yours")} description={t("yoursDescription")}>
        <OwnCredentialsList initial={credentials} />
      </Card>
    </div>
  );
}
