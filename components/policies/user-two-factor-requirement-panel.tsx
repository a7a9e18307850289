import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { UserTwoFactorRequirementForm } from "@/components/policies/user-two-factor-requirement-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { twoFactorRequirementDetails } from "@/lib/two-factor/requirements/two-factor-requirement";

/** Admin user page: whether this account must use 2FA, why, and until when it may still enrol. */
export async function UserTwoFactorRequirementPanel({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const r = await twoFactorRequirementDetails(userId, now);
  const t = await getTranslations("policies.userRequirement");
  return (
    <Card
      title={t("title")}
      description={t("description")}
      actions={<Badge tone={r.required ? "success" : "neutral"}>{r.required ? t("badgeRequired") : t("badgeNotRequired")}</Badge>}
    >
      <dl className="mb-5 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]" data-testid="two-factor-requirement">
        <dt className="text-muted">{t("forAccount")}</dt>
        <dd className="font-medium">{r.userRequires ? t("required") : t("notRequired")}</dd>
        <dt className="text-muted">{t("forDomain", { domain: r.domain })}</dt>
        <dd className="font-medium">
          {r.domainRequires ? t("requiredEveryAccount") : t("notRequired")}{" "}
          <Link href={`/admin/policies?domain=${encodeURIComponent(r.domain)}`} className="text-sm font-normal underline">
            {t("domainSettings")}
          </Link>
        </dd>
        {r.adminRequires && (
          <>
            <dt className="text-muted">{t("asAdmin")}</dt>
            <dd className="font-medium">
              {t("requiredEveryAdmin")}{" "}
              <Link href="/admin/policies" className="text-sm font-normal underline">
                {t("adminsSetting")}
              </Link>
            </dd>
          </>
        )}
        <dt className="text-muted">{t("device")}</dt>
        <dd className="font-medium">{r.hasDevice ? t("enrolled") : t("noneYet")}</dd>
        {r.required && (
          <>
            <dt className="text-muted">{t("deadline")}</dt>
            <dd className="font-medium">
              <LocalTime value={r.graceEndsAt} />{" "}
              {r.hasDevice ? null : r.inGrace ? <Badge tone="warning">{t("inGrace")}</Badge> : <Badge tone="danger">{t("passed")}</Badge>}
            </dd>
          </>
        )}
      </dl>
      <UserTwoFactorRequirementForm userId={userId} userRequires={r.userRequires} graceDays={r.graceDays} />
    </Card>
  );
}
