"use client";
import { useTranslations } from "next-intl";
import { ActionTable, TimeCell } from "@/components/ui/action-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { LocalTime } from "@/components/ui/local-time";
import { Td, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { revokeAuthLinksAction } from "@/lib/actions/admin/auth-links";
import type { AuthLinkState } from "@/lib/auth-links/list-auth-links";

/** A link as the console lists it (times as ISO strings, so they cross to the client as they are). */
export type AuthLinkRow = {
  id: string;
  permanent: boolean;
  state: AuthLinkState;
  createdAt: string;
  expiresAt: string | null;
  createdByEmail: string;
  usedAt: string | null;
  usedIp: string | null;
  useCount: number;
  allowedIpRanges: string[];
};

const STATE_TONES: Record<AuthLinkState, BadgeTone> = { pending: "success", used: "neutral", expired: "warning", revoked: "danger" };

/** The user's auth links, newest first, with a revoke button on each one still usable. */
export function AuthLinkTable({ userId, links }: { userId: string; links: AuthLinkRow[] }) {
  const t = useTranslations("admin.authLinks");
  const confirmed = useConfirmedAction();
  const states: Record<AuthLinkState, string> = {
    pending: t("statePending"),
    used: t("stateUsed"),
    expired: t("stateExpired"),
    revoked: t("stateRevoked"),
  };
  return (
    <ActionTable
      caption={t("tableCaption")}
      actionsLabel={t("actions")}
      columns={[t("state"), t("kind"), t("createdBy"), t("created"), t("expires"), t("usedAt"), t("usedIp"), t("uses")]}
      rows={links}
      empty={{ title: t("emptyTitle"), description: t("emptyDescription") }}
      renderRow={(link) => (
        <Tr key={link.id} data-testid="auth-link-row">
          <Td>
            <Badge tone={STATE_TONES[link.state]}>{states[link.state]}</Badge>
          </Td>
          <Td>
            {link.permanent ? t("permanent") : t("temporary")}
            {link.allowedIpRanges.length > 0 && <span className="block text-xs text-muted">{link.allowedIpRanges.join(", ")}</span>}
          </Td>
          <Td className="break-all">{link.createdByEmail || "—"}</Td>
          <TimeCell value={link.createdAt} />
          <Td className="whitespace-nowrap">{link.expiresAt ? <LocalTime value={link.expiresAt} /> : t("never")}</Td>
          <TimeCell value={link.usedAt} />
          <Td className="whitespace-nowrap font-mono text-xs">{link.usedIp || "—"}</Td>
          <Td>{link.useCount}</Td>
          <Td className="text-right">
            {link.state === "pending" && (
              <ConfirmButton
                size="sm"
                variant="secondary"
                title={t("revokeTitle")}
                description={t("revokeDescription")}
                confirmLabel={t("revokeConfirm")}
                onConfirm={() => confirmed(revokeAuthLinksAction({ userId, which: link.id }), t("revoked"))}
              >
                {t("revoke")}
              </ConfirmButton>
            )}
          </Td>
        </Tr>
      )}
    />
  );
}
