import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { FailureCount, SecurityWatch } from "@/lib/dashboard/get-security-watch";

const linkClass = "font-medium underline underline-offset-2 [overflow-wrap:anywhere]";

/** The audit view of one IP's or one address's failed sign-ins since `since`. */
function auditLink(filter: "ip" | "subject", value: string, since: Date) {
  const query = new URLSearchParams({ [filter]: value, result: "failure", from: since.toISOString() });
  return `/admin/audit?${query}`;
}

async function FailureList({
  rows,
  filter,
  since,
  testId,
  empty,
}: {
  rows: FailureCount[];
  filter: "ip" | "subject";
  since: Date;
  testId: string;
  empty: string;
}) {
  const t = await getTranslations("admin.dashboard");
  if (rows.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key} className="flex justify-between gap-3">
          <Link href={auditLink(filter, r.key, since)} prefetch={false} className={linkClass}>
            {r.key}
          </Link>
          <span className="shrink-0 tabular-nums text-muted">{t("failures", { count: r.count })}</span>
        </li>
      ))}
    </ol>
  );
}

/** Who is failing to sign in this last hour, and the latest events that change someone's access. */
export async function SecurityWatchCards({ watch }: { watch: SecurityWatch }) {
  const t = await getTranslations("admin.dashboard");
  // Literal keys, so the catalogue test sees each one used.
  const actionLabel: Record<string, string> = {
    "user.lock": t("securityActions.lock"),
    "user.disable": t("securityActions.disable"),
    "2fa.reset": t("securityActions.twoFactorReset"),
    "user.password.reset": t("securityActions.passwordReset"),
    "account.unrecognised_activity": t("securityActions.unrecognised"),
    "credential.create": t("securityActions.credentialByAdmin"),
  };
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      <Card title={t("topIps")} description={t("lastHour")}>
        <FailureList rows={watch.topIps} filter="ip" since={watch.since} testId="dashboard-top-ips" empty={t("noFailures")} />
      </Card>
      <Card title={t("topAccounts")} description={t("lastHour")}>
        <FailureList
          rows={watch.topAccounts}
          filter="subject"
          since={watch.since}
          testId="dashboard-top-accounts"
          empty={t("noFailures")}
        />
      </Card>
      <Card title={t("securityEvents")}>
        {watch.recent.length === 0 ? (
          <p className="text-sm text-muted">{t("noSecurityEvents")}</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="dashboard-security-events">
            {watch.recent.map((e) => (
              <li key={e.id}>
                <span className="font-medium">{actionLabel[e.action] ?? e.action}</span>{" "}
                {e.subjectId ? (
                  <Link href={`/admin/users/${e.subjectId}`} prefetch={false} className={linkClass}>
                    {e.subjectEmail}
                  </Link>
                ) : (
                  <span className="[overflow-wrap:anywhere]">{e.subjectEmail}</span>
                )}
                <span className="block text-muted">
                  <LocalTime value={e.createdAt} format="relative" />
                  {e.actorEmail && e.actorEmail !== e.subjectEmail ? ` · ${t("by", { actor: e.actorEmail })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
