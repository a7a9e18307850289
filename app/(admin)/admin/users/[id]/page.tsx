import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ResetPasswordForm, UserStatusActions } from "@/components/admin/user-actions";
import { UserTwoFactorRequirementPanel } from "@/components/policies/user-two-factor-requirement-panel";
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

export const metadata: Metadata = { title: "User · Admin" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id } = await params;
  const user = await findUser(id.slice(0, 64)).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const [revocable, credentials] = await Promise.all([countRevocableCredentials(user.id), listCredentials(user.id)]);
  const facts: [string, ReactNode][] = [
    ["Name", user.displayName || "—"],
    ["Domain", user.domain.name],
    ["Role", user.role],
    ["Created", <LocalTime key="created" value={user.createdAt} />],
    ["Last sign-in", <LocalTime key="last" value={user.lastLoginAt} />],
    ["Failed sign-ins in a row", String(user.failedLoginCount)],
  ];
  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm underline">
        ← All users
      </Link>
      <PageHeader title={user.email} description={<Badge tone={user.status === "active" ? "success" : "danger"}>{user.status}</Badge>} />
      <Card title="Account">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted">{k}</dt>
              <dd className="font-medium">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Access">
        <UserStatusActions userId={user.id} email={user.email} status={user.status} isSelf={user.id === admin.id} />
      </Card>
      <Card title="Reset password" description="Sets a new password and signs the user out everywhere.">
        <ResetPasswordForm userId={user.id} revocable={revocable} />
      </Card>
      <UserTwoFactorRequirementPanel userId={user.id} />
      <AdminUserSecurityPanel userId={user.id} email={user.email} currentSessionId={admin.sessionId} revocable={revocable} />
      <AdminCredentialsCard userId={user.id} email={user.email} credentials={credentials.map(toCredentialJson)} />
    </div>
  );
}
