import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ResetPasswordForm, UserStatusActions } from "@/components/admin/user-actions";
import { UserTwoFactorRequirementPanel } from "@/components/policies/user-two-factor-requirement-panel";
import { AdminAuthLinksCard } from "@/components/auth-links/admin-auth-links-card";
import { AdminCredentialsCard } from "@/components/credentials/admin-credentials-card";
import { AdminUserSecurityPanel } from "@/components/security/admin-user-security-panel";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { countRevocableCredentials } from "@/lib/credentials/count-revocable-credentials";
import { toCredentialJson } from "@/lib/credentials/credential-view";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { AppError } from "@/lib/errors";
import { findUser } from "@/lib/users/find-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.user");
  return { title: t("metaTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id } = await params;
  const user = await findUser(id.slice(0, 64)).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const [revocable, credentials] = await Promise.all([countRevocableCredentials(user.id), listCredentials(user.id)]);
  const t = await getTranslations("admin.user");
  const roles = { admin: t("roleAdmin"), user: t("roleUser") } as Record<string, string>;
  const statuses = { active: t("statusActive"), locked: t("statusLocked"), disabled: t("statusDisabled") } as Record<string, string>;
  const facts: [string, ReactNode][] = [
    [t("name"), user.displayName || "—"],
    [t("domain"), user.domain.name],
    [t("role"), roles[user.role] ?? user.role],
    [t("created"), <LocalTime key="created" value={user.createdAt} />],
    [t("lastSignIn"), <LocalTime key="last" value={user.lastLoginAt} />],
    [t("failedSignIns"), String(user.failedLoginCount)],
  ];
  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm underline">
        ← {t("allUsers")}
      </Link>
      <PageHeader
        title={user.email}
        description={<Badge tone={user.status === "active" ? "success" : "danger"}>{statuses[user.status] ?? user.status}</Badge>}
      />
      <Card title={t("account")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted">{k}</dt>
              <dd className="font-medium">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t("access")}>
        <UserStatusActions userId={user.id} email={user.email} status={user.status} isSelf={user.id === admin.id} />
      </Card>
      <AdminAuthLinksCard userId={user.id} email={user.email} />
      <Card title={t("resetPassword")} description={t("resetPasswordDescription")}>
        <ResetPasswordForm userId={user.id} revocable={revocable} />
      </Card>
      <UserTwoFactorRequirementPanel userId={user.id} />
      <AdminUserSecurityPanel userId={user.id} email={user.email} currentSessionId={admin.sessionId} revocable={revocable} />
      <AdminCredentialsCard userId={user.id} email={user.email} credentials={credentials.map(toCredentialJson)} />
    </div>
  );
}
