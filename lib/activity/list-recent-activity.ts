import { getDb } from "@/lib/db/client";
import { describeUserAgent, type DeviceName } from "@/lib/sessions/describe-user-agent";

// "Recent activity" in the portal: the person's own last sign-ins, the attempts with a wrong
// password for their address, and when each service credential was last used, so they can spot
// what was not them. Read from the audit trail (index subjectId, createdAt) and the credentials.

export const RECENT_ACTIVITY_LIMIT = 15;

export type ActivityEntry = {
  id: string;
  at: Date;
  kind: "sign_in" | "failed_sign_in";
  ip: string;
  /** How the sign-in was made (the session's authMethod); null for attempts and older rows. */
  method: string | null;
  device: DeviceName;
};
export type CredentialUse = { id: string; label: string; services: string[]; lastUsedAt: Date; lastUsedIp: string };
export type RecentActivity = { entries: ActivityEntry[]; credentials: CredentialUse[] };

function methodOf(details: string): string | null {
  try {
    const method = (JSON.parse(details) as { method?: unknown }).method;
    return typeof method === "string" ? method.slice(0, 32) : null;
  } catch {
    return null;
  }
}

export async function listRecentActivity(userId: string, limit = RECENT_ACTIVITY_LIMIT): Promise<RecentActivity> {
  const db = getDb();
  const [events, credentials] = await Promise.all([
    db.auditEvent.findMany({
      where: { subjectId: userId, OR: [{ action: "session.create" }, { action: "login.password", result: "failure" }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, createdAt: true, action: true, ip: true, userAgent: true, details: true },
    }),
    db.credential.findMany({
      where: { userId, lastUsedAt: { not: null } },
      orderBy: { lastUsedAt: "desc" },
      take: limit,
      select: { id: true, label: true, services: true, lastUsedAt: true, lastUsedIp: true },
    }),
  ]);
  return {
    entries: events.map((e) => ({
      id: e.id,
      at: e.createdAt,
      kind: e.action === "session.create" ? "sign_in" : "failed_sign_in",
      ip: e.ip,
      method: e.action === "session.create" ? methodOf(e.details) : null,
      device: describeUserAgent(e.userAgent),
    })),
    credentials: credentials.map((c) => ({
      id: c.id,
      label: c.label,
      services: c.services.split(",").filter(Boolean),
      lastUsedAt: c.lastUsedAt!,
      lastUsedIp: c.lastUsedIp ?? "",
    })),
  };
}
