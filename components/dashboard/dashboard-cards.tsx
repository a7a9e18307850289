import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { DashboardSummary } from "@/lib/dashboard/get-dashboard-summary";

const linkClass = "font-medium underline underline-offset-2 break-all";

function Figures({ rows, testId }: { rows: [ReactNode, number][]; testId: string }) {
  return (
    <dl className="grid grid-cols-[1fr_max-content] gap-x-4 gap-y-1 text-sm" data-testid={testId}>
      {rows.map(([label, value], i) => (
        <div key={i} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="text-right font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The console's first page: accounts, second-factor enrolment, credentials, links, SAML. */
export async function DashboardCards({ summary }: { summary: DashboardSummary }) {
  const t = await getTranslations("admin.dashboard");
  const { users, enrolment, credentialsByService, pendingAuthLinks, saml } = summary;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      <Card title={t("users")}>
        <Figures
          testId="dashboard-users"
          rows={[
            [t("active"), users.active],
            [t("locked"), users.locked],
            [t("disabled"), users.disabled],
          ]}
        />
        <p className="mt-3 text-sm">
          <Link href="/admin/users" prefetch={false} className={linkClass}>
            {t("allUsers")}
          </Link>
        </p>
      </Card>
      <Card title={t("enrolment")} description={t("enrolmentDescription")}>
        <p className="text-2xl font-semibold tabular-nums" data-testid="dashboard-enrolment-count">
          {enrolment.count}
        </p>
        {enrolment.first.length > 0 && (
          <ul className="mt-2 space-y-1 text-sm">
            {enrolment.first.map((u) => (
              <li key={u.id} className="flex flex-wrap justify-between gap-x-3">
                <Link href={`/admin/users/${u.id}`} prefetch={false} className={linkClass}>
                  {u.email}
                </Link>
                <span className="text-muted">
                  {t("deadline")} <LocalTime value={u.deadline} format="date" />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("credentials")}>
        {credentialsByService.length ? (
          <Figures testId="dashboard-credentials" rows={credentialsByService.map((c) => [c.service, c.count] as [ReactNode, number])} />
        ) : (
          <p className="text-sm text-muted">{t("noCredentials")}</p>
        )}
      </Card>
      <Card title={t("authLinks")}>
        <p className="text-2xl font-semibold tabular-nums" data-testid="dashboard-auth-links">
          {pendingAuthLinks}
        </p>
        <p className="text-sm text-muted">{t("authLinksDescription")}</p>
      </Card>
      <Card title={t("saml")}>
        {saml.length ? (
          <ul className="space-y-2 text-sm" data-testid="dashboard-saml">
            {saml.map((s) => (
              <li key={s.domain} className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/admin/domains/${encodeURIComponent(s.domain)}/saml`} prefetch={false} className={linkClass}>
                  {s.domain}
                </Link>
                {s.lastRefreshError ? (
                  <Badge tone="danger">{t("refreshFailed")}</Badge>
                ) : s.lastRefreshAt ? (
                  <span className="text-muted">
                    {t("refreshed")} <LocalTime value={s.lastRefreshAt} format="relative" />
                  </span>
                ) : (
                  <span className="text-muted">{s.fromUrl ? t("notRefreshedYet") : t("fromFile")}</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t("noSaml")}</p>
        )}
      </Card>
    </div>
  );
}
