"use client";
import { LocalTime } from "@/components/ui/local-time";
import { ConfirmButton } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { TrustedDeviceView } from "@/lib/trusted-devices/list-trusted-devices";

export interface TrustedDeviceListProps {
  devices: TrustedDeviceView[];
  /** target: a trusted device id, or "all". */
  onRevoke: (target: string) => Promise<ActionResult<{ revoked: number }>>;
}

/** Browsers that skip the code step, with revoke one / revoke all. */
export function TrustedDeviceList({ devices, onRevoke }: TrustedDeviceListProps) {
  const confirmed = useConfirmedAction();
  if (devices.length === 0) {
    return (
      <EmptyState
        title="No trusted devices"
        description="When you tick “Trust this device and IP address” at sign-in, that browser appears here."
      />
    );
  }
  const revoke = (target: string, done: string) => confirmed(() => onRevoke(target), done);
  return (
    <div className="space-y-3">
      <Table caption="Trusted devices" captionSrOnly data-testid="trusted-devices">
        <THead>
          <Tr>
            <Th>Device</Th>
            <Th>IP address</Th>
            <Th>Trusted since</Th>
            <Th>Last used</Th>
            <Th>Expires</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {devices.map((d) => (
            <Tr key={d.id}>
              <Td className="min-w-40 font-medium">{d.description || "Unnamed browser"}</Td>
              <Td className="font-mono text-xs">{d.ip || "—"}</Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={d.createdAt} />
              </Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={d.lastUsedAt} format="relative" />
              </Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={d.expiresAt} />
              </Td>
              <Td className="text-right">
                <ConfirmButton
                  size="sm"
                  variant="secondary"
                  aria-label={`Revoke ${d.description || "trusted device"}`}
                  title="Stop trusting this device?"
                  description="Its next sign-in asks for a code again."
                  confirmLabel="Revoke"
                  onConfirm={() => revoke(d.id, "The device is no longer trusted.")}
                >
                  Revoke
                </ConfirmButton>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {devices.length > 1 && (
        <ConfirmButton
          size="sm"
          title="Stop trusting every device?"
          description="Every browser asks for a code at its next sign-in."
          confirmLabel="Revoke all"
          onConfirm={() => revoke("all", "No device is trusted any more.")}
        >
          Revoke all
        </ConfirmButton>
      )}
    </div>
  );
}
