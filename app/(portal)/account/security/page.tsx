import type { Metadata } from "next";
import {
  AccountAuthenticators,
  AccountRecoveryCodes,
  AccountSessions,
  AccountTrustedDevices,
} from "@/components/security/account-security-sections";
import { LocalTime } from "@/components/ui/local-time";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-session";
import { listSessions, toSessionJson } from "@/lib/sessions/list-sessions";
import { listTotpDevices } from "@/lib/two-factor/devices/list-totp-devices";
import { listTrustedDevices } from "@/lib/trusted-devices/list-trusted-devices";
import { twoFactorRequirement } from "@/lib/two-factor/requirements/two-factor-requirement";

export const metadata: Metadata = { title: "Security" };
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const user = await requireUser();
  const [twoFactor, trusted, sessions, requirement] = await Promise.all([
    listTotpDevices(user.id),
    listTrustedDevices(user.id),
    listSessions(user.id, { currentSessionId: user.sessionId }),
    twoFactorRequirement(user.id),
  ]);
  const hasDevice = twoFactor.devices.some((d) => d.enabled);
  return (
    <div className="space-y-6">
      <PageHeader title="Security" description="Two-step sign-in, recovery codes, trusted devices and where you are signed in." />
      {requirement.required && !hasDevice && (
        <FormMessage tone="info">
          Your administrator requires two-step sign-in for this account.{" "}
          {requirement.inGrace && requirement.graceEndsAt ? (
            <>
              Add an authenticator app before <LocalTime value={requirement.graceEndsAt} />.
            </>
          ) : (
            "Add an authenticator app now."
          )}
        </FormMessage>
      )}
      <Card title="Authenticator apps" description="Sign-in asks for a 6- or 8-digit code from one of these apps after your password.">
        <AccountAuthenticators devices={twoFactor.devices} account={user.email} />
      </Card>
      <Card title="Recovery codes" description="One-time codes for when you do not have your phone.">
        <AccountRecoveryCodes status={twoFactor.recoveryCodes} hasDevice={hasDevice} account={user.email} />
      </Card>
      <Card title="Trusted devices" description="Browsers that skip the code step until they expire or you revoke them.">
        <AccountTrustedDevices devices={trusted} />
      </Card>
      <Card title="Active sessions" description="Browsers signed in to your account now.">
        <AccountSessions sessions={sessions.map(toSessionJson)} />
      </Card>
    </div>
  );
}
