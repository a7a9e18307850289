import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminRequirementForm } from "@/components/policies/admin-requirement-form";
import { DomainPicker } from "@/components/policies/domain-picker";
import { DomainRequirementForm } from "@/components/policies/domain-requirement-form";
import { PolicyConsole } from "@/components/policies/policy-console";
import { TrustedDeviceLifetimeForm } from "@/components/policies/trusted-device-lifetime-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-session";
import { listDomains } from "@/lib/domains/list-domains";
import { listPolicies } from "@/lib/two-factor/policies/list-policies";
import { getTrustedDeviceLifetimeDays } from "@/lib/two-factor/policies/trusted-device-lifetime";
import { getAdminTwoFactorSettings } from "@/lib/two-factor/requirements/admin-two-factor-setting";
import { getDomainTwoFactorSettings } from "@/lib/two-factor/requirements/domain-two-factor-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("policies.page");
  return { title: t("metaTitle") };
}

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<{ domain?: string | string[] }> }) {
  await requireAdmin();
  const { domain: asked } = await searchParams;
  const domains = await listDomains();
  const wanted = typeof asked === "string" ? asked.trim().toLowerCase().slice(0, 253) : "";
  const selected = domains.find((d) => d.name === wanted)?.name ?? domains[0]?.name ?? null;
  const [global, domain, lifetime, requirement, admins] = await Promise.all([
    listPolicies({ scope: "global" }),
    selected ? listPolicies({ domain: selected }) : null,
    getTrustedDeviceLifetimeDays(),
    selected ? getDomainTwoFactorSettings(selected) : null,
    getAdminTwoFactorSettings(),
  ]);
  const t = await getTranslations("policies.page");

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("byService")}>
        <div className="space-y-6">
          {domains.length > 0 ? (
            <DomainPicker domains={domains.map((d) => d.name)} selected={selected} />
          ) : (
            <EmptyState title={t("noDomains")} description={t("noDomainsHint")} />
          )}
          <PolicyConsole global={global} domain={domain} />
        </div>
      </Card>
      {requirement && (
        <Card title={t("requireTitle", { domain: requirement.domain })} description={t("requireDescription")}>
          <DomainRequirementForm key={requirement.domain} settings={requirement} />
        </Card>
      )}
      <Card title={t("adminsTitle")} description={t("adminsDescription")}>
        <AdminRequirementForm settings={admins} />
      </Card>
      <Card title={t("trustedTitle")} description={t("trustedDescription")}>
        <TrustedDeviceLifetimeForm days={lifetime} />
      </Card>
    </div>
  );
}
