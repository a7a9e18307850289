import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "2FA policies · Admin" };

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

  return (
    <div className="space-y-6">
      <PageHeader
        title="2FA policies"
        description="When sign-ins need a second factor, per service, for everyone (global) or for one domain. A domain's own policy overrides the global one."
      />
      <Card title="Policies by service">
        <div className="space-y-6">
          {domains.length > 0 ? (
            <DomainPicker domains={domains.map((d) => d.name)} selected={selected} />
          ) : (
            <EmptyState title="No domains yet" description="Global policies apply to every domain you add." />
          )}
          <PolicyConsole global={global} domain={domain} />
        </div>
      </Card>
      {requirement && (
        <Card title={`Require 2FA: ${requirement.domain}`} description="Make every account of this domain enrol a second factor.">
          <DomainRequirementForm key={requirement.domain} settings={requirement} />
        </Card>
      )}
      <Card title="Administrators" description="Admin accounts can change everyone's access, so they should not rest on a password alone.">
        <AdminRequirementForm settings={admins} />
      </Card>
      <Card
        title="Trusted devices"
        description={`When a user ticks "Trust this device and IP address", the device skips the second factor for this long.`}
      >
        <TrustedDeviceLifetimeForm days={lifetime} />
      </Card>
    </div>
  );
}
