"use client";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  adminDeletePasskeyAction,
  adminDeleteTotpDeviceAction,
  adminResetTwoFactorAction,
  adminRevokeSessionAction,
  adminRevokeTrustedDeviceAction,
} from "@/lib/actions/admin/user-security";
import { KeepCredentialsChoice, useRevocationSentences, type RevocableCounts } from "@/components/credentials/credential-revocation-notice";
import { queryKeys } from "@/components/providers/query-keys";
import { PasskeyList } from "@/components/security/passkey-list";
import { SessionList } from "@/components/security/session-list";
import { TotpDeviceList } from "@/components/security/totp-device-list";
import { TrustedDeviceList } from "@/components/security/trusted-device-list";
import { ConfirmButton } from "@/components/ui/dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { PasskeyView } from "@/lib/passkeys/finish-passkey-registration";
import type { SessionJson } from "@/lib/sessions/list-sessions";
import type { TotpDeviceView } from "@/lib/two-factor/devices/totp-device-store";
import type { TrustedDeviceView } from "@/lib/trusted-devices/list-trusted-devices";

export interface AdminSecurityControlsProps {
  userId: string;
  email: string;
  devices: TotpDeviceView[];
  passkeys: PasskeyView[];
  recoveryCodes: { total: number; unused: number };
  sessions: SessionJson[];
  trustedDevices: TrustedDeviceView[];
  /** Service credentials and unused one-time QR codes the reset revokes unless kept. */
  revocable: RevocableCounts;
}

/** The admin's view of one user's second factor, sessions and trusted devices, bound to admin actions. */
export function AdminSecurityControls({
  userId,
  email,
  devices,
  passkeys,
  recoveryCodes,
  sessions,
  trustedDevices,
  revocable,
}: AdminSecurityControlsProps) {
  const t = useTranslations("admin.security");
  const { revokedSentence } = useRevocationSentences();
  const confirmed = useConfirmedAction();
  const queryClient = useQueryClient();
  const sessionsKey = queryKeys.userSessions(userId);
  const [keepCredentials, setKeepCredentials] = useState(false);
  const hasAnything =
    devices.length > 0 ||
    passkeys.length > 0 ||
    recoveryCodes.total > 0 ||
    sessions.length > 0 ||
    trustedDevices.length > 0 ||
    revocable.credentials > 0 ||
    revocable.qrTokens > 0;
  return (
    <div className="space-y-6">
      <section className="space-y-3" aria-labelledby="admin-2fa-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 id="admin-2fa-heading" className="text-sm font-semibold">
            {t("authenticatorApps")}
          </h3>
          <ConfirmButton
            size="sm"
            disabled={!hasAnything}
            title={t("resetTitle", { email })}
            description={t("resetDescription")}
            body={<KeepCredentialsChoice counts={revocable} checked={keepCredentials} onChange={setKeepCredentials} />}
            confirmLabel={t("reset")}
            onConfirm={async () => {
              await confirmed(
                adminResetTwoFactorAction({ userId, keepCredentials }),
                (r) => `${t("resetDone", { email })} ${revokedSentence(r, r.keptCredentials)}`,
              );
              setKeepCredentials(false);
              // The reset signed the user out everywhere: the live session list asks again.
              void queryClient.invalidateQueries({ queryKey: sessionsKey });
            }}
          >
            {t("reset")}
          </ConfirmButton>
        </div>
        <TotpDeviceList
          devices={devices}
          owner="their"
          onDelete={(deviceId) => adminDeleteTotpDeviceAction({ userId, deviceId })}
          emptyHint={t("noAuthenticator")}
        />
        <h3 className="pt-2 text-sm font-semibold">{t("passkeys")}</h3>
        <PasskeyList
          passkeys={passkeys}
          onDelete={(target) => adminDeletePasskeyAction({ userId, target })}
          emptyHint={t("noPasskey")}
          owner="their"
        />
        {passkeys.length > 1 && (
          <ConfirmButton
            size="sm"
            title={t("deleteAllPasskeysTitle", { email })}
            description={t("deleteAllPasskeysDescription")}
            confirmLabel={t("deleteAllPasskeys")}
            onConfirm={async () => {
              await confirmed(
                () => adminDeletePasskeyAction({ userId, target: "all" }),
                (r) => t("passkeysDeleted", { count: r.deleted }),
              );
            }}
          >
            {t("deleteAllPasskeys")}
          </ConfirmButton>
        )}
        <p className="text-sm text-muted" data-testid="admin-recovery-status">
          {t("recoveryCodes", { unused: recoveryCodes.unused, total: recoveryCodes.total })}
        </p>
      </section>
      {/* Not a named region: the session table inside is one, with the same name. */}
      <section className="space-y-3">
        <h3 id="admin-sessions-heading" className="text-sm font-semibold">
          {t("sessions")}
        </h3>
        <SessionList
          queryKey={sessionsKey}
          url={`/api/admin/users/${encodeURIComponent(userId)}/sessions`}
          initial={sessions}
          onRevoke={(target) => adminRevokeSessionAction({ userId, target })}
        />
      </section>
      <section className="space-y-3" aria-labelledby="admin-trusted-heading">
        <h3 id="admin-trusted-heading" className="text-sm font-semibold">
          {t("trustedDevices")}
        </h3>
        <TrustedDeviceList devices={trustedDevices} onRevoke={(target) => adminRevokeTrustedDeviceAction({ userId, target })} />
      </section>
    </div>
  );
}
