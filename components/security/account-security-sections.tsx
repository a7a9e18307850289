"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  confirmTotpDeviceAction,
  deleteTotpDeviceAction,
  regenerateRecoveryCodesAction,
  revokeSessionAction,
  revokeTrustedDeviceAction,
  startTotpEnrolmentAction,
} from "@/lib/actions/portal/security";
import { queryKeys } from "@/components/providers/query-keys";
import { RecoveryCodesCard } from "@/components/security/recovery-codes-card";
import { SessionList } from "@/components/security/session-list";
import { TotpDeviceList } from "@/components/security/totp-device-list";
import { TotpEnrolment } from "@/components/security/totp-enrolment";
import { TrustedDeviceList } from "@/components/security/trusted-device-list";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { SessionJson } from "@/lib/sessions/list-sessions";
import type { TotpDeviceView } from "@/lib/two-factor/devices/totp-device-store";
import type { TrustedDeviceView } from "@/lib/trusted-devices/list-trusted-devices";

// The security page's interactive parts, bound to the portal's own-account actions.

export function AccountAuthenticators({ devices, account }: { devices: TotpDeviceView[]; account: string }) {
  const t = useTranslations("security.authenticators");
  const router = useRouter();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-4">
      <TotpDeviceList devices={devices} onDelete={(id) => deleteTotpDeviceAction({ id })} emptyHint={t("emptyHint")} />
      {adding ? (
        <div className="rounded-lg border border-line p-4" data-testid="totp-enrolment">
          <h3 className="mb-3 text-sm font-semibold">{t("add")}</h3>
          <TotpEnrolment
            account={account}
            start={(label, options) => startTotpEnrolmentAction({ label, options })}
            confirm={(deviceId, code) => confirmTotpDeviceAction({ deviceId, code })}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              toast.success(t("added"));
              router.refresh();
            }}
          />
        </div>
      ) : (
        <Button onClick={() => setAdding(true)}>{t("add")}</Button>
      )}
    </div>
  );
}

export function AccountRecoveryCodes(props: { status: { total: number; unused: number }; hasSecondFactor: boolean; account: string }) {
  return <RecoveryCodesCard {...props} onRegenerate={() => regenerateRecoveryCodesAction({})} />;
}

export function AccountTrustedDevices({ devices }: { devices: TrustedDeviceView[] }) {
  return <TrustedDeviceList devices={devices} onRevoke={(target) => revokeTrustedDeviceAction({ target })} />;
}

/** The user's own sessions, live; `sessions` is what the page rendered. */
export function AccountSessions({ sessions }: { sessions: SessionJson[] }) {
  return (
    <SessionList
      queryKey={queryKeys.ownSessions}
      url="/api/account/sessions"
      initial={sessions}
      onRevoke={(target) => revokeSessionAction({ target })}
    />
  );
}
