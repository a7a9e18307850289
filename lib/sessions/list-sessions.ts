import { sha256Hex } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { describeUserAgent, type DeviceName } from "@/lib/sessions/describe-user-agent";
import { SESSION_IDLE_MS } from "@/lib/sessions/session-store";

export type SessionView = {
  /** A handle for revocation: a hash of the row id, so pages never carry the session key itself. */
  id: string;
  /** Described from the stored User-Agent at read time; the page words it in the viewer's language. */
  device: DeviceName;
  userAgent: string;
  ip: string;
  authMethod: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The session making this request. */
  current: boolean;
};

/** A session as JSON routes send it and the live lists keep it (dates as ISO strings). */
export type SessionJson = Omit<SessionView, "createdAt" | "lastSeenAt" | "expiresAt"> & {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

export function toSessionJson(view: SessionView): SessionJson {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    lastSeenAt: view.lastSeenAt.toISOString(),
    expiresAt: view.expiresAt.toISOString(),
  };
}

export const sessionHandle = (sessionRowId: string) => sha256Hex(`session-handle:${sessionRowId}`).slice(0, 32);

/** Sessions that still work: neither past their absolute expiry nor idle too long. */
export function liveSessionWhere(userId: string, now: Date) {
  return { userId, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) } };
}

/** The user's signed-in browsers, most recently active first; `currentSessionId` is the row id of this request's session. */
export async function listSessions(userId: string, opts: { currentSessionId?: string } = {}, now = new Date()): Promise<SessionView[]> {
  const rows = await getDb().session.findMany({
    where: liveSessionWhere(userId, now),
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    take: 100,
  });
  return rows.map((row) => ({
    id: sessionHandle(row.id),
    device: describeUserAgent(row.userAgent),
    userAgent: row.userAgent,
    ip: row.ip,
    authMethod: row.authMethod,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    current: row.id === opts.currentSessionId,
  }));
}
