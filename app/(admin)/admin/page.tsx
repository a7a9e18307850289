import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardCards } from "@/components/dashboard/dashboard-cards";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.dashboard");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function AdminDashboard() {
  await requireAdmin();
  const [summary, t] = await Promise.all([getDashboardSummary(), getTranslations("admin.dashboard")]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <DashboardCards summary={summary} />
    </div>
  );
}
