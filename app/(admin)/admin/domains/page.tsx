import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DomainsPanel } from "@/components/admin/domains-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { listDomains } from "@/lib/domains/list-domains";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.domains");
  return { title: t("metaTitle") };
}

export default async function DomainsPage() {
  await requireAdmin();
  const domains = await listDomains();
  const t = await getTranslations("admin.domains");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <DomainsPanel domains={domains} />
      </Card>
    </div>
  );
}
