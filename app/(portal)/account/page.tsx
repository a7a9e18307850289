import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PreferencesForm } from "@/components/account/preferences-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-session";
import { countRevocableCredentials } from "@/lib/credentials/count-revocable-credentials";
import { isLocale, isTheme } from "@/lib/i18n/locales";
import { findUser } from "@/lib/users/find-user";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const session = await requireUser();
  const [user, revocable] = await Promise.all([findUser(session.id), countRevocableCredentials(session.id)]);
  const t = await getTranslations("account.preferences");
  const { locale, theme } = session.preferences ?? {};
  const facts: [string, string][] = [
    ["Email address", user.email],
    ["Name", user.displayName || "—"],
    ["Domain", user.domain.name],
    ["Role", user.role === "admin" ? "Administrator" : "User"],
    ["Last sign-in", user.lastLoginAt ? user.lastLoginAt.toUTCString() : "—"],
    ["Password changed", user.passwordChangedAt ? user.passwordChangedAt.toUTCString() : "—"],
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" description="Who you are signed in as, and your password." />
      <Card title="Identity">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]" data-testid="identity">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted">{k}</dt>
              <dd className="break-all font-medium">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Change password" description="Your other signed-in devices will be signed out.">
        <ChangePasswordForm credentials={revocable.credentials} />
      </Card>
      <Card title={t("title")} description={t("description")}>
        <PreferencesForm locale={isLocale(locale) ? locale : null} theme={isTheme(theme) ? theme : null} />
      </Card>
    </div>
  );
}
