"use client";
import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { fetchJson } from "@/components/admin/fetch-json";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/form-message";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useRetryWithProof } from "@/components/ui/use-fresh-proof";
import { unwrapResult, type ActionResult } from "@/lib/actions/action-result";
import type { SessionJson } from "@/lib/sessions/list-sessions";

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
  const queryClient = useQueryClient();
  const toast = useToast();
  const retry = useRetryWithProof();
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
  if (sessions.length === 0)
    return (
      <>
        {failed}
        <EmptyState title="Not signed in anywhere" />
      </>
    );
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      {failed}
      <Table caption="Active sessions" captionSrOnly data-testid="sessions">
        <THead>
          <Tr>
            <Th>Device</Th>
            <Th>IP address</Th>
            <Th>Signed in</Th>
            <Th>Last seen</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {sessions.map((s) => (
            <Tr key={s.id}>
              <Td className="min-w-40">
                <span className="font-medium" title={s.userAgent}>
                  {s.device}
                </span>{" "}
                {s.current && <Badge tone="success">This device</Badge>}
              </Td>
              <Td className="font-mono text-xs">{s.ip || "—"}</Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={s.createdAt} />
              </Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={s.lastSeenAt} format="relative" />
              </Td>
              <Td className="text-right">
                {!s.current && (
                  <ConfirmButton
                    size="sm"
                    variant="secondary"
                    aria-label={`Sign out ${s.device} (${s.ip || "unknown IP"})`}
                    title={`Sign out ${s.device}?`}
                    description="That browser is signed out at its next request."
                    confirmLabel="Sign out"
                    onConfirm={() => revoke(s.id, `${s.device} was signed out.`)}
                  >
                    Sign out
                  </ConfirmButton>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {others > 1 && (
        <ConfirmButton
          size="sm"
          variant="secondary"
          title="Sign out every other session?"
          description={`${others} browsers are signed out; this one stays signed in.`}
          confirmLabel="Sign out others"
          onConfirm={() => revoke("others", "Every other session was signed out.")}
        >
          Sign out all other sessions
        </ConfirmButton>
      )}
    </div>
  );
}
