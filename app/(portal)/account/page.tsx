import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PreferencesForm } from "@/components/account/preferences-form";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-session";
import { countRevocableCredentials } from "@/lib/credentials/count-revocable-credentials";
import { isLocale, isTheme } from "@/lib/i18n/locales";
import { findUser } from "@/lib/users/find-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.overview");
  return { title: t("title") };
}

export default async function AccountPage() {
  const session = await requireUser();
  const [user, revocable] = await Promise.all([findUser(session.id), countRevocableCredentials(session.id)]);
  const t = await getTranslations("account.preferences");
  const o = await getTranslations("account.overview");
  const { locale, theme } = session.preferences ?? {};
  const facts: [string, ReactNode][] = [
    [o("email"), user.email],
    [o("name"), user.displayName || "—"],
    [o("domain"), user.domain.name],
    [o("role"), user.role === "admin" ? o("roleAdmin") : o("roleUser")],
    [o("lastSignIn"), user.lastLoginAt ? <LocalTime value={user.lastLoginAt} /> : "—"],
    [o("passwordChanged"), user.passwordChangedAt ? <LocalTime value={user.passwordChangedAt} /> : "—"],
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={o("title")} description={o("description")} />
      <Card title={o("identity")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]" data-testid="identity">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted">{k}</dt>
              <dd className="break-all font-medium">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card id="change-password" title={o("changePassword")} description={o("changePasswordDescription")}>
        <ChangePasswordForm credentials={revocable.credentials} />
      </Card>
      <Card title={t("title")} description={t("description")}>
        <PreferencesForm locale={isLocale(locale) ? locale : null} theme={isTheme(theme) ? theme : null} />
      </Card>
    </div>
  );
}
