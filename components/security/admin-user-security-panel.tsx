import { getTranslations } from "next-intl/server";
import type { RevocableCounts } from "@/components/credentials/credential-revocation-notice";
import { AdminSecurityControls } from "@/components/security/admin-security-controls";
import { Card } from "@/components/ui/card";
import { listPasskeys } from "@/lib/passkeys/list-passkeys";
import { listSessions, toSessionJson } from "@/lib/sessions/list-sessions";
import { listTotpDevices } from "@/lib/two-factor/devices/list-totp-devices";
import { listTrustedDevices } from "@/lib/trusted-devices/list-trusted-devices";

/**
 * Server part of the admin user page's security card: loads the user's 2FA devices, passkeys, sessions and
 * trusted devices (the session list stays live in the browser, starting from these).
 * `currentSessionId` marks the admin's own session when they look at themselves.
 */
export async function AdminUserSecurityPanel({
  userId,
  email,
  currentSessionId,
  revocable,
}: {
  userId: string;
  email: string;
  currentSessionId?: string;
  /** What a 2FA reset would revoke with the credentials, for its dialog. */
  revocable: RevocableCounts;
}) {
  const [twoFactor, passkeys, sessions, trustedDevices] = await Promise.all([
    listTotpDevices(userId),
    listPasskeys(userId),
    listSessions(userId, { currentSessionId }),
    listTrustedDevices(userId),
  ]);
  const t = await getTranslations("admin.security");
  return (
    <Card title={t("title")} description={t("description")}>
      <AdminSecurityControls
        userId={userId}
        email={email}
        devices={twoFactor.devices}
        passkeys={passkeys}
        recoveryCodes={twoFactor.recoveryCodes}
        sessions={sessions.map(toSessionJson)}
        trustedDevices={trustedDevices}
        revocable={revocable}
      />
    </Card>
  );
}
