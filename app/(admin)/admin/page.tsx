import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardCards } from "@/components/dashboard/dashboard-cards";
import { SecurityWatchCards } from "@/components/dashboard/security-watch";
import { SignInActivity } from "@/components/dashboard/sign-in-activity";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { getSecurityWatch } from "@/lib/dashboard/get-security-watch";
import { getSignInSeries, parseSignInRange } from "@/lib/dashboard/get-sign-in-series";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.dashboard");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function AdminDashboard({ searchParams }: { searchParams: Promise<{ range?: string | string[] }> }) {
  await requireAdmin();
  const range = parseSignInRange((await searchParams).range);
  const [summary, series, watch, t] = await Promise.all([
    getDashboardSummary(),
    getSignInSeries(range),
    getSecurityWatch(),
    getTranslations("admin.dashboard"),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <DashboardCards summary={summary} />
      <SignInActivity series={series} />
      <SecurityWatchCards watch={watch} />
    </div>
  );
}
