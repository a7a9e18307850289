import type { Metadata } from "next";
import { DomainsPanel } from "@/components/admin/domains-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { listDomains } from "@/lib/domains/list-domains";

export const metadata: Metadata = { title: "Domains · Admin" };

export default async function DomainsPage() {
  await requireAdmin();
  const domains = await listDomains();
  return (
    <div className="space-y-6">
      <PageHeader title="Domains" description="Mail domains whose accounts Gatehouse manages." />
      <Card>
        <DomainsPanel domains={domains} />
      </Card>
    </div>
  );
}
