import { mailConfigured } from "@/lib/mail/mail-transport";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersPanel } from "@/components/admin/users-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { listUsers } from "@/lib/users/list-users";
import { readUserListParams } from "@/lib/users/user-list-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const { q, page } = await searchParams;
  const params = readUserListParams(q, page);
  // The first page of the list, rendered here; the list takes it as its TanStack Query data.
  const data = await listUsers({ query: params.query, page: params.page });
  const t = await getTranslations("admin.users");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("allUsers")}>
        <UsersPanel initial={{ ...params, data }} />
      </Card>
      <Card title={t("createUser")}>
        <CreateUserForm mailConfigured={mailConfigured()} />
      </Card>
    </div>
  );
}
