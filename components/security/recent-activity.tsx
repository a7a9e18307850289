"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { ActionTable, TimeCell } from "@/components/ui/action-table";
import { Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useDeviceName } from "@/components/security/use-device-name";
import { unwrapResult } from "@/lib/actions/action-result";
import { reportUnrecognisedActivityAction } from "@/lib/actions/portal/security";
import type { RecentActivity as Activity } from "@/lib/activity/list-recent-activity";

/** The person's last sign-ins and credential uses, and "This wasn't me". */
export function RecentActivity({ activity }: { activity: Activity }) {
  const t = useTranslations("security.activity");
  const deviceName = useDeviceName();
  const toast = useToast();
  const router = useRouter();
  const methods: Record<string, string> = {
    password: t("methods.password"),
    otp: t("methods.otp"),
    passkey: t("methods.passkey"),
    password_passkey: t("methods.password_passkey"),
    credential: t("methods.credential"),
    link: t("methods.link"),
    permanent_link: t("methods.permanent_link"),
    saml: t("methods.saml"),
  };
  const method = (m: string | null) => (m && Object.hasOwn(methods, m) ? methods[m] : "—");
  const notMe = async () => {
    const revoked = unwrapResult(await reportUnrecognisedActivityAction({}));
    toast.success(t("notMeDone", { sessions: revoked.sessions }));
    router.push("/account#change-password");
  };
  return (
    <div className="space-y-4">
      <ActionTable
        caption={t("caption")}
        data-testid="recent-activity"
        columns={[t("when"), t("what"), t("how"), t("device"), t("ip")]}
        rows={activity.entries}
        empty={{ title: t("empty") }}
        renderRow={(e) => (
          <Tr key={e.id}>
            <TimeCell value={e.at} />
            <Td>{e.kind === "sign_in" ? t("signedIn") : <Badge tone="danger">{t("wrongPassword")}</Badge>}</Td>
            <Td>{method(e.method)}</Td>
            <Td>{deviceName(e.device)}</Td>
            <Td className="font-mono text-xs">{e.ip || "—"}</Td>
          </Tr>
        )}
      />
      {activity.credentials.length > 0 && (
        <ActionTable
          caption={t("credentialsCaption")}
          data-testid="credential-uses"
          columns={[t("credential"), t("services"), t("lastUsed"), t("ip")]}
          rows={activity.credentials}
          empty={{ title: t("empty") }}
          renderRow={(c) => (
            <Tr key={c.id}>
              <Td className="font-medium break-words">{c.label}</Td>
              <Td>{c.services.join(", ")}</Td>
              <TimeCell value={c.lastUsedAt} />
              <Td className="font-mono text-xs">{c.lastUsedIp || "—"}</Td>
            </Tr>
          )}
        />
      )}
      <ConfirmButton
        size="sm"
        variant="danger"
        title={t("notMeTitle")}
        description={t("notMeDescription")}
        confirmLabel={t("notMeConfirm")}
        onConfirm={notMe}
      >
        {t("notMe")}
      </ConfirmButton>
    </div>
  );
}
