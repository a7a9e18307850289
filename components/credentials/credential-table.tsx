"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { ActionTable, TimeCell } from "@/components/ui/action-table";
import { useToast } from "@/components/ui/toast";
import { Td, Tr } from "@/components/ui/table";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import { LocalTime } from "@/components/ui/local-time";
import { statusTone, useCredentialLabels } from "./credential-labels";

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
  emptyText,
}: {
  credentials: CredentialJson[];
  onSetEnabled: (id: string, enabled: boolean) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  extra?: (credential: CredentialJson) => ReactNode;
  viewer: "admin" | "owner";
  emptyText?: string;
}) {
  const t = useTranslations("credentials.table");
  const labels = useCredentialLabels();
  return (
    <ActionTable
      caption={t("caption")}
      columns={[t("label"), t("services"), t("status"), t("created"), t("lastUsed")]}
      actionsLabel={t("actions")}
      rows={credentials}
      empty={{ title: emptyText ?? t("empty"), description: t("emptyHint") }}
      renderRow={(c) => (
        <Tr key={c.id} data-testid={`credential-${c.id}`} data-label={c.label}>
          <Td>
            <div className="font-medium break-words">{c.label}</div>
            <div className="text-xs text-muted">
              {labels.kind[c.kind] ?? c.kind} · {t("id")} <code>{c.id}</code>
              {!c.generated && ` · ${t("chosenPassword")}`}
            </div>
          </Td>
          <Td>
            <div className="flex flex-wrap gap-1">
              {c.services.map((s) => (
                <Badge key={s}>{s}</Badge>
              ))}
            </div>
            {opensWebSessionWithoutOtp(c.services) && <div className="mt-1 text-xs text-warning">{t("webWithoutSecondFactor")}</div>}
            {c.allowedIpRanges.length > 0 && (
              <div className="mt-1 text-xs text-muted">{t("onlyFrom", { ranges: c.allowedIpRanges.join(", ") })}</div>
            )}
          </Td>
          <Td>
            <Badge tone={statusTone[c.status]}>{labels.status[c.status]}</Badge>
            {c.disabledBy === "admin" && <div className="mt-1 text-xs text-muted">{t("disabledByAdmin")}</div>}
            {c.expiresAt && (
              <div className="mt-1 text-xs text-muted">
                {c.status === "expired" ? t("expiredOn") : t("expiresOn")} <LocalTime value={c.expiresAt} />
              </div>
            )}
          </Td>
          <TimeCell value={c.createdAt} />
          <Td>
            {c.lastUsedAt ? (
              <>
                <div className="whitespace-nowrap">
                  <LocalTime value={c.lastUsedAt} format="relative" />
                </div>
                <div className="text-xs text-muted">{c.lastUsedIp ? t("fromAddress", { ip: c.lastUsedIp }) : t("fromUnknown")}</div>
              </>
            ) : (
              t("never")
            )}
          </Td>
          <Td>
            <div className="flex flex-wrap justify-end gap-2">
              {extra?.(c)}
              {(viewer === "admin" || c.disabledBy !== "admin") && <ToggleButton credential={c} onSetEnabled={onSetEnabled} />}
              <ConfirmButton
                size="sm"
                title={t("deleteTitle", { label: c.label })}
                description={t("deleteDescription")}
                confirmLabel={t("deleteConfirm")}
                aria-label={t("deleteLabel", { label: c.label })}
                onConfirm={() => onDelete(c.id)}
              >
                {t("delete")}
              </ConfirmButton>
            </div>
          </Td>
        </Tr>
      )}
    />
  );
}

function ToggleButton({
  credential: c,
  onSetEnabled,
}: {
  credential: CredentialJson;
  onSetEnabled: (id: string, enabled: boolean) => Promise<void>;
}) {
  const t = useTranslations("credentials.table");
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  if (c.enabled) {
    return (
      <ConfirmButton
        size="sm"
        variant="secondary"
        title={t("disableTitle", { label: c.label })}
        description={t("disableDescription")}
        confirmLabel={t("disable")}
        aria-label={t("disableLabel", { label: c.label })}
        onConfirm={() => onSetEnabled(c.id, false)}
      >
        {t("disable")}
      </ConfirmButton>
    );
  }
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={t("enableLabel", { label: c.label })}
      pending={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await onSetEnabled(c.id, true);
        } catch (e) {
          toast.error(e instanceof Error ? e.message : t("enableFailed"));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t("enable")}
    </Button>
  );
}
