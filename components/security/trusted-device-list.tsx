"use client";
import { useTranslations } from "next-intl";
import { ActionTable, TimeCell } from "@/components/ui/action-table";
import { ConfirmButton } from "@/components/ui/dialog";
import { Td, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { TrustedDeviceView } from "@/lib/trusted-devices/list-trusted-devices";
import { useDeviceName } from "@/components/security/use-device-name";

export interface TrustedDeviceListProps {
  devices: TrustedDeviceView[];
  /** target: a trusted device id, or "all". */
  onRevoke: (target: string) => Promise<ActionResult<{ revoked: number }>>;
}

/** Browsers that skip the code step, with revoke one / revoke all. */
export function TrustedDeviceList({ devices, onRevoke }: TrustedDeviceListProps) {
  const t = useTranslations("security.trustedDevices");
  const confirmed = useConfirmedAction();
  const deviceName = useDeviceName();
  const revoke = (target: string, done: string) => confirmed(() => onRevoke(target), done);
  return (
    <div className="space-y-3">
      <ActionTable
        caption={t("caption")}
        data-testid="trusted-devices"
        columns={[t("device"), t("ip"), t("trustedSince"), t("lastUsed"), t("expires")]}
        actionsLabel={t("actions")}
        rows={devices}
        empty={{ title: t("empty"), description: t("emptyHint") }}
        renderRow={(d) => {
          const device = deviceName(d.device);
          return (
            <Tr key={d.id}>
              <Td className="min-w-40 font-medium">{device}</Td>
              <Td className="font-mono text-xs">{d.ip || "—"}</Td>
              <TimeCell value={d.createdAt} />
              <TimeCell value={d.lastUsedAt} format="relative" />
              <TimeCell value={d.expiresAt} />
              <Td className="text-right">
                <ConfirmButton
                  size="sm"
                  variant="secondary"
                  aria-label={t("revokeLabel", { device })}
                  title={t("revokeTitle")}
                  description={t("revokeDescription")}
                  confirmLabel={t("revoke")}
                  onConfirm={() => revoke(d.id, t("revoked"))}
                >
                  {t("revoke")}
                </ConfirmButton>
              </Td>
            </Tr>
          );
        }}
      />
      {devices.length > 1 && (
        <ConfirmButton
          size="sm"
          title={t("revokeAllTitle")}
          description={t("revokeAllDescription")}
          confirmLabel={t("revokeAll")}
          onConfirm={() => revoke("all", t("revokedAll"))}
        >
          {t("revokeAll")}
        </ConfirmButton>
      )}
    </div>
  );
}
