import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersPanel } from "@/components/admin/users-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function UsersPage() {
  await requireAdmin();
  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Accounts that sign in through Gatehouse." />
      <Card title="All users">
        <UsersPanel />
      </Card>
      <Card title="Create user">
        <CreateUserForm />
      </Card>
    </div>
  );
}
