"use client";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import { LocalTime } from "@/components/ui/local-time";
import { kindText, statusText, statusTone } from "./credential-labels";

/**
 * One list of an account's credentials: label, services, status, created, last use (time, IP).
 * Enable/disable acts at once; delete asks first. `extra` adds per-row controls (the console's edit).
 * `viewer` is who looks: the owner gets no Enable button on a credential an administrator disabled.
 */
export function CredentialTable({
  credentials,
  onSetEnabled,
  onDelete,
  extra,
  viewer,
  emptyText = "No credentials yet.",
}: {
  credentials: CredentialJson[];
  onSetEnabled: (id: string, enabled: boolean) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  extra?: (credential: CredentialJson) => ReactNode;
  viewer: "admin" | "owner";
  emptyText?: string;
}) {
  if (credentials.length === 0) return <EmptyState title={emptyText} description="Create one above; its password is shown once." />;
  return (
    <Table caption="Credentials" captionSrOnly>
      <THead>
        <Tr>
          <Th>Label</Th>
          <Th>Services</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {credentials.map((c) => (
          <Tr key={c.id} data-testid={`credential-${c.id}`} data-label={c.label}>
            <Td>
              <div className="font-medium break-words">{c.label}</div>
              <div className="text-xs text-muted">
                {kindText[c.kind] ?? c.kind} · id <code>{c.id}</code>
                {!c.generated && " · chosen password"}
              </div>
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {c.services.map((s) => (
                  <Badge key={s}>{s}</Badge>
                ))}
              </div>
              {opensWebSessionWithoutOtp(c.services) && <div className="mt-1 text-xs text-warning">Signs in to the web UI without 2FA</div>}
              {c.allowedIpRanges.length > 0 && <div className="mt-1 text-xs text-muted">Only from {c.allowedIpRanges.join(", ")}</div>}
            </Td>
            <Td>
              <Badge tone={statusTone[c.status]}>{statusText[c.status]}</Badge>
              {c.disabledBy === "admin" && <div className="mt-1 text-xs text-muted">Disabled by an administrator</div>}
              {c.expiresAt && (
                <div className="mt-1 text-xs text-muted">
                  {c.status === "expired" ? "Expired" : "Expires"} <LocalTime value={c.expiresAt} />
                </div>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              <LocalTime value={c.createdAt} />
            </Td>
            <Td>
              {c.lastUsedAt ? (
                <>
                  <div className="whitespace-nowrap">
                    <LocalTime value={c.lastUsedAt} format="relative" />
                  </div>
                  <div className="text-xs text-muted">from {c.lastUsedIp || "unknown address"}</div>
                </>
              ) : (
                "Never"
              )}
            </Td>
            <Td>
              <div className="flex flex-wrap justify-end gap-2">
                {extra?.(c)}
                {(viewer === "admin" || c.disabledBy !== "admin") && <ToggleButton credential={c} onSetEnabled={onSetEnabled} />}
                <ConfirmButton
                  size="sm"
                  title={`Delete "${c.label}"?`}
                  description="Apps and devices using it stop working at their next sign-in. This cannot be undone."
                  confirmLabel="Delete credential"
                  aria-label={`Delete ${c.label}`}
                  onConfirm={() => onDelete(c.id)}
                >
                  Delete
                </ConfirmButton>
              </div>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function ToggleButton({
  credential: c,
  onSetEnabled,
}: {
  credential: CredentialJson;
  onSetEnabled: (id: string, enabled: boolean) => Promise<void>;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  if (c.enabled) {
    return (
      <ConfirmButton
        size="sm"
        variant="secondary"
        title={`Disable "${c.label}"?`}
        description="It stops working at its next sign-in. You can enable it again later."
        confirmLabel="Disable"
        aria-label={`Disable ${c.label}`}
        onConfirm={() => onSetEnabled(c.id, false)}
      >
        Disable
      </ConfirmButton>
    );
  }
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={`Enable ${c.label}`}
      pending={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await onSetEnabled(c.id, true);
        } catch (e) {
          toast.error(e instanceof Error ? e.message : "Could not enable it. Try again.");
        } finally {
          setBusy(false);
        }
      }}
    >
      Enable
    </Button>
  );
}
