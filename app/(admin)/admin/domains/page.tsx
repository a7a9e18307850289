import type { Metadata } from "next";
import { DomainsPanel } from "@/components/admin/domains-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Domains · Gatehouse admin" };

export default function DomainsPage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Domains" description="Mail domains whose accounts Gatehouse manages." />
      <Card>
        <DomainsPanel />
      </Card>
    </div>
  );
}
