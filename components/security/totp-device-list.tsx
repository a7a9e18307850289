"use client";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { TotpDeviceView } from "@/lib/two-factor/devices/totp-device-store";

export interface TotpDeviceListProps {
  devices: TotpDeviceView[];
  onDelete: (deviceId: string) => Promise<ActionResult<{ recoveryCodesDeleted: number }>>;
  /** "your" in the portal, the user's address in the admin console. */
  owner?: string;
  emptyHint?: string;
}

/** Authenticator devices with created / last used / failed attempts, each deletable after a confirm. */
export function TotpDeviceList({ devices, onDelete, owner = "your", emptyHint }: TotpDeviceListProps) {
  const confirmed = useConfirmedAction();
  if (devices.length === 0) return <EmptyState title="No authenticator app" description={emptyHint} />;
  const enabledCount = devices.filter((d) => d.enabled).length;
  return (
    <Table caption="Authenticator devices" captionSrOnly data-testid="totp-devices">
      <THead>
        <Tr>
          <Th>Name</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Failed attempts</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {devices.map((device) => {
          const last = device.enabled && enabledCount === 1;
          return (
            <Tr key={device.id}>
              <Td className="min-w-40 font-medium">
                {device.label}
                <div className="text-xs font-normal text-muted">
                  {device.algorithm} · {device.digits} digits · {device.period} s
                </div>
              </Td>
              <Td>{device.enabled ? <Badge tone="success">On</Badge> : <Badge tone="warning">Not confirmed</Badge>}</Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={device.createdAt} />
              </Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={device.lastUsedAt} format="relative" />
              </Td>
              <Td>{device.failedAttempts}</Td>
              <Td className="text-right">
                <ConfirmButton
                  size="sm"
                  aria-label={`Delete ${device.label}`}
                  title={`Delete “${device.label}”?`}
                  description={
                    last
                      ? `This is ${owner} last authenticator app: the recovery codes and trusted devices are deleted too, and sign-in no longer asks for a code unless a policy requires one.`
                      : "Codes from this device stop working at once."
                  }
                  confirmLabel="Delete device"
                  onConfirm={async () => {
                    await confirmed(() => onDelete(device.id), `“${device.label}” was deleted.`);
                  }}
                >
                  Delete
                </ConfirmButton>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
