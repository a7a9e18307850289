"use client";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SessionView } from "@/lib/sessions/list-sessions";

export interface SessionListProps {
  sessions: SessionView[];
  /** target: a session id from the list, or "others" for every session but the current one. */
  onRevoke: (target: string) => Promise<ActionResult<{ revoked: number }>>;
}

/** Signed-in browsers (device, IP, created, last seen), the current one marked; others can be signed out. */
export function SessionList({ sessions, onRevoke }: SessionListProps) {
  const confirmed = useConfirmedAction();
  if (sessions.length === 0) return <EmptyState title="Not signed in anywhere" />;
  const others = sessions.filter((s) => !s.current).length;
  const revoke = (target: string, done: string) => confirmed(() => onRevoke(target), done);
  return (
    <div className="space-y-3">
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
