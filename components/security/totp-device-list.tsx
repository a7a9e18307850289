"use client";
import { useTranslations } from "next-intl";
import { ActionTable, TimeCell } from "@/components/ui/action-table";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { Td, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { TotpDeviceView } from "@/lib/two-factor/devices/totp-device-store";

export interface TotpDeviceListProps {
  devices: TotpDeviceView[];
  onDelete: (deviceId: string) => Promise<ActionResult<{ recoveryCodesDeleted: number }>>;
  /** Whose devices: "your" in the portal, "their" in the admin console. */
  owner?: "your" | "their";
  emptyHint?: string;
}

/** Authenticator devices with created / last used / failed attempts, each deletable after a confirm. */
export function TotpDeviceList({ devices, onDelete, owner = "your", emptyHint }: TotpDeviceListProps) {
  const t = useTranslations("security.totpDevices");
  const confirmed = useConfirmedAction();
  const enabledCount = devices.filter((d) => d.enabled).length;
  return (
    <ActionTable
      caption={t("caption")}
      data-testid="totp-devices"
      columns={[t("name"), t("status"), t("created"), t("lastUsed"), t("failedAttempts")]}
      actionsLabel={t("actions")}
      rows={devices}
      empty={{ title: t("empty"), description: emptyHint }}
      renderRow={(device) => {
        const last = device.enabled && enabledCount === 1;
        return (
          <Tr key={device.id}>
            <Td className="min-w-40 font-medium">
              {device.label}
              <div className="text-xs font-normal text-muted">
                {t("parameters", { algorithm: device.algorithm, digits: device.digits, period: device.period })}
              </div>
            </Td>
            <Td>{device.enabled ? <Badge tone="success">{t("on")}</Badge> : <Badge tone="warning">{t("notConfirmed")}</Badge>}</Td>
            <TimeCell value={device.createdAt} />
            <TimeCell value={device.lastUsedAt} format="relative" />
            <Td>{device.failedAttempts}</Td>
            <Td className="text-right">
              <ConfirmButton
                size="sm"
                aria-label={t("deleteLabel", { device: device.label })}
                title={t("deleteTitle", { device: device.label })}
                description={last ? (owner === "their" ? t("deleteLastTheirs") : t("deleteLastYours")) : t("deleteDescription")}
                confirmLabel={t("deleteConfirm")}
                onConfirm={async () => {
                  await confirmed(() => onDelete(device.id), t("deleted", { device: device.label }));
                }}
              >
                {t("delete")}
              </ConfirmButton>
            </Td>
          </Tr>
        );
      }}
    />
  );
}
