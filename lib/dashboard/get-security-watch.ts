import { SIGN_IN_FAILURE_ACTIONS } from "@/lib/activity/sign-in-outcome";
import { getDb } from "@/lib/db/client";

/** The events an admin wants to see first: locks, disables, resets, reports, admin-made credentials. */
export const SECURITY_EVENT_ACTIONS = [
  "user.lock",
  "user.disable",
  "2fa.reset",
  "user.password.reset",
  "account.unrecognised_activity",
  "credential.create",
];
export const WATCH_LIMIT = 5;
const RECENT_EVENTS = 8;

export type FailureCount = { key: string; count: number };
export type SecurityEvent = {
  id: string;
  createdAt: Date;
  action: string;
  actorEmail: string | null;
  subjectId: string | null;
  subjectEmail: string | null;
  ip: string;
};
export type SecurityWatch = { since: Date; topIps: FailureCount[]; topAccounts: FailureCount[]; recent: SecurityEvent[] };

/**
 * Failed sign-ins of the last hour grouped by client IP and by the address typed, the most
 * frequent first, and the most recent security events. Each is one query on the audit trail's
 * (action, createdAt) index, bounded by the hour or by a small limit.
 */
export async function getSecurityWatch(now = new Date()): Promise<SecurityWatch> {
  const db = getDb();
  const since = new Date(now.getTime() - 3_600_000);
  const failed = { action: { in: SIGN_IN_FAILURE_ACTIONS }, result: { in: ["failure", "denied"] }, createdAt: { gte: since } };
  const [byIp, byAccount, recent] = await Promise.all([
    db.auditEvent.groupBy({
      by: ["ip"],
      where: { ...failed, ip: { not: "" } },
      _count: { _all: true },
      orderBy: [{ _count: { ip: "desc" } }, { ip: "asc" }],
      take: WATCH_LIMIT,
    }),
    db.auditEvent.groupBy({
      by: ["subjectEmail"],
      where: { ...failed, subjectEmail: { not: null } },
      _count: { _all: true },
      orderBy: [{ _count: { subjectEmail: "desc" } }, { subjectEmail: "asc" }],
      take: WATCH_LIMIT,
    }),
    db.auditEvent.findMany({
      where: { action: { in: SECURITY_EVENT_ACTIONS }, result: "success" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      // Credentials people make for themselves are routine: read a few more to keep the admins'.
      take: RECENT_EVENTS * 3,
      select: { id: true, createdAt: true, action: true, actorId: true, actorEmail: true, subjectId: true, subjectEmail: true, ip: true },
    }),
  ]);
  return {
    since,
    topIps: byIp.map((r) => ({ key: r.ip, count: r._count._all })),
    topAccounts: byAccount.map((r) => ({ key: r.subjectEmail ?? "", count: r._count._all })),
    recent: recent
      .filter((e) => e.action !== "credential.create" || e.actorId !== e.subjectId) // made by an admin, in the console or the CLI
      .slice(0, RECENT_EVENTS)
      .map(({ actorId: _actor, ...event }) => event),
  };
}
