import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import {
  AccountAuthenticators,
  AccountRecoveryCodes,
  AccountSessions,
  AccountTrustedDevices,
} from "@/components/security/account-security-sections";
import { AccountPasskeys } from "@/components/security/account-passkeys";
import { RecentActivity } from "@/components/security/recent-activity";
import { LocalTime } from "@/components/ui/local-time";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-session";
import { listRecentActivity } from "@/lib/activity/list-recent-activity";
import { listPasskeys } from "@/lib/passkeys/list-passkeys";
import { listSessions, toSessionJson } from "@/lib/sessions/list-sessions";
import { listTotpDevices } from "@/lib/two-factor/devices/list-totp-devices";
import { listTrustedDevices } from "@/lib/trusted-devices/list-trusted-devices";
import { twoFactorRequirement } from "@/lib/two-factor/requirements/two-factor-requirement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.page");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const user = await requireUser();
  const [twoFactor, passkeys, trusted, sessions, requirement, activity] = await Promise.all([
    listTotpDevices(user.id),
    listPasskeys(user.id),
    listTrustedDevices(user.id),
    listSessions(user.id, { currentSessionId: user.sessionId }),
    twoFactorRequirement(user.id),
    listRecentActivity(user.id),
  ]);
  const t = await getTranslations("security.page");
  const graceEndsAt = requirement.inGrace ? requirement.graceEndsAt : null;
  const hasApp = twoFactor.devices.some((d) => d.enabled);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {requirement.required && !hasApp && passkeys.length === 0 && (
        <FormMessage tone="info">
          {t("required")} {graceEndsAt ? t.rich("addBefore", { time: () => <LocalTime value={graceEndsAt} /> }) : t("addNow")}
        </FormMessage>
      )}
      <Card title={t("passkeys")} description={t("passkeysDescription")}>
        <AccountPasskeys passkeys={passkeys} />
      </Card>
      <Card title={t("authenticators")} description={t("authenticatorsDescription")}>
        <AccountAuthenticators devices={twoFactor.devices} account={user.email} />
      </Card>
      <Card title={t("recoveryCodes")} description={t("recoveryCodesDescription")}>
        <AccountRecoveryCodes status={twoFactor.recoveryCodes} hasSecondFactor={hasApp || passkeys.length > 0} account={user.email} />
      </Card>
      <Card title={t("trustedDevices")} description={t("trustedDevicesDescription")}>
        <AccountTrustedDevices devices={trusted} />
      </Card>
      <Card title={t("sessions")} description={t("sessionsDescription")}>
        <AccountSessions sessions={sessions.map(toSessionJson)} />
      </Card>
      <Card title={t("activity")} description={t("activityDescription")}>
        <RecentActivity activity={activity} />
      </Card>
    </div>
  );
}
