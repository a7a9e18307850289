"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionTable, TimeCell } from "@/components/ui/action-table";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { Field } from "@/components/ui/input";
import { Td, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { PasskeyView } from "@/lib/passkeys/finish-passkey-registration";

/**
 * Passkeys with their authenticator (where its AAGUID is a known one), whether they sync between
 * devices, created and last used; each deletable after a confirm, and renamable where `onRename`
 * is given (the person's own list).
 */
export function PasskeyList({
  passkeys,
  onDelete,
  onRename,
  emptyHint,
  owner = "your",
}: {
  passkeys: PasskeyView[];
  onDelete: (id: string) => Promise<ActionResult<{ deleted: number }>>;
  onRename?: (id: string, name: string) => Promise<ActionResult<{ id: string; name: string }>>;
  emptyHint?: string;
  /** Whose passkeys: "your" in the portal, "their" in the admin console. */
  owner?: "your" | "their";
}) {
  const t = useTranslations("security.passkeys");
  const confirmed = useConfirmedAction();
  return (
    <ActionTable
      caption={owner === "their" ? t("captionTheirs") : t("caption")}
      data-testid="passkeys"
      columns={[t("name"), t("kind"), t("created"), t("lastUsed")]}
      actionsLabel={t("actions")}
      rows={passkeys}
      empty={{ title: t("empty"), description: emptyHint }}
      renderRow={(p) => (
        <Tr key={p.id}>
          <Td className="min-w-40 font-medium">{p.name}</Td>
          <Td>
            <span className="flex flex-wrap items-center gap-2">
              {p.authenticator && <span data-testid="passkey-authenticator">{p.authenticator}</span>}
              {p.synced ? <Badge tone="success">{t("synced")}</Badge> : <Badge>{t("thisDevice")}</Badge>}
            </span>
          </Td>
          <TimeCell value={p.createdAt} />
          <TimeCell value={p.lastUsedAt} format="relative" />
          <Td className="space-x-2 text-right whitespace-nowrap">
            {onRename && <RenamePasskeyButton passkey={p} onRename={onRename} />}
            <ConfirmButton
              size="sm"
              aria-label={t("deleteLabel", { name: p.name })}
              title={t("deleteTitle", { name: p.name })}
              description={owner === "their" ? t("deleteDescriptionTheirs") : t("deleteDescription")}
              confirmLabel={t("deleteConfirm")}
              onConfirm={async () => {
                await confirmed(() => onDelete(p.id), t("deleted", { name: p.name }));
              }}
            >
              {t("delete")}
            </ConfirmButton>
          </Td>
        </Tr>
      )}
    />
  );
}

/** "Rename": a dialog with the name to change, saved with a confirm (and a fresh proof if needed). */
function RenamePasskeyButton({
  passkey,
  onRename,
}: {
  passkey: PasskeyView;
  onRename: (id: string, name: string) => Promise<ActionResult<{ id: string; name: string }>>;
}) {
  const t = useTranslations("security.passkeys");
  const confirmed = useConfirmedAction();
  const [name, setName] = useState(passkey.name);
  return (
    <ConfirmButton
      size="sm"
      variant="secondary"
      confirmVariant="primary"
      aria-label={t("renameLabel", { name: passkey.name })}
      title={t("renameTitle", { name: passkey.name })}
      confirmLabel={t("renameConfirm")}
      body={
        <Field
          name="passkey-name"
          label={t("renameName")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={64}
          required
          autoComplete="off"
        />
      }
      onConfirm={async () => {
        await confirmed(
          () => onRename(passkey.id, name),
          (renamed) => t("renamed", { name: renamed.name }),
        );
      }}
    >
      {t("rename")}
    </ConfirmButton>
  );
}
