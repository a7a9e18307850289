"use client";
import { useTranslations } from "next-intl";
import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { fetchJson } from "@/components/admin/fetch-json";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { Td, Tr } from "@/components/ui/table";
import { ActionTable, TimeCell } from "@/components/ui/action-table";
import { useToast } from "@/components/ui/toast";
import { useRetryWithProof } from "@/components/ui/use-fresh-proof";
import { unwrapResult, type ActionResult } from "@/lib/actions/action-result";
import type { SessionJson } from "@/lib/sessions/list-sessions";
import { useDeviceName } from "@/components/security/use-device-name";

/** How often an open list asks again; it also asks whenever the tab comes back into view. */
export const SESSION_LIST_REFRESH_MS = 30_000;

export interface SessionListProps {
  /** The list's query: queryKeys.ownSessions or queryKeys.userSessions(id). */
  queryKey: QueryKey;
  /** The JSON route that answers it. */
  url: string;
  /** The sessions the page rendered: the first data, so the list shows without a request. */
  initial: SessionJson[];
  /** target: a session id from the list, or "others" for every session but the current one. */
  onRevoke: (target: string) => Promise<ActionResult<{ revoked: number }>>;
}

/**
 * Signed-in browsers (device, IP, created, last seen), the current one marked; others can be signed
 * out. Live: a sign-in elsewhere appears within the refresh interval or when the tab regains focus.
 */
export function SessionList({ queryKey, url, initial, onRevoke }: SessionListProps) {
  const t = useTranslations("security.sessions");
  const queryClient = useQueryClient();
  const toast = useToast();
  const retry = useRetryWithProof();
  const deviceName = useDeviceName();
  const list = useQuery({
    queryKey,
    queryFn: () => fetchJson<{ sessions: SessionJson[] }>(url),
    initialData: { sessions: initial },
    refetchInterval: SESSION_LIST_REFRESH_MS,
    refetchOnWindowFocus: "always",
  });
  // Thrown messages show in the confirm dialog; a success toasts and reloads the list.
  const revoke = async (target: string, done: string) => {
    unwrapResult(await retry(() => onRevoke(target)));
    toast.success(done);
    await queryClient.invalidateQueries({ queryKey });
  };
  const { sessions } = list.data;
  const failed = list.isError && <FormMessage tone="error" message={list.error.message} />;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      {failed}
      <ActionTable
        caption={t("caption")}
        data-testid="sessions"
        columns={[t("device"), t("ip"), t("signedIn"), t("lastSeen")]}
        actionsLabel={t("actions")}
        rows={sessions}
        empty={{ title: t("empty") }}
        renderRow={(s) => {
          const device = deviceName(s.device);
          return (
            <Tr key={s.id}>
              <Td className="min-w-40">
                <span className="font-medium" title={s.userAgent}>
                  {device}
                </span>{" "}
                {s.current && <Badge tone="success">{t("thisDevice")}</Badge>}
              </Td>
              <Td className="font-mono text-xs">{s.ip || "—"}</Td>
              <TimeCell value={s.createdAt} />
              <TimeCell value={s.lastSeenAt} format="relative" />
              <Td className="text-right">
                {!s.current && (
                  <ConfirmButton
                    size="sm"
                    variant="secondary"
                    aria-label={s.ip ? t("signOutLabel", { device, ip: s.ip }) : t("signOutLabelNoIp", { device })}
                    title={t("signOutTitle", { device })}
                    description={t("signOutDescription")}
                    confirmLabel={t("signOut")}
                    onConfirm={() => revoke(s.id, t("signedOut", { device }))}
                  >
                    {t("signOut")}
                  </ConfirmButton>
                )}
              </Td>
            </Tr>
          );
        }}
      />
      {others > 1 && (
        <ConfirmButton
          size="sm"
          variant="secondary"
          title={t("signOutOthersTitle")}
          description={t("signOutOthersDescription", { count: others })}
          confirmLabel={t("signOutOthersConfirm")}
          onConfirm={() => revoke("others", t("signedOutOthers"))}
        >
          {t("signOutOthers")}
        </ConfirmButton>
      )}
    </div>
  );
}
