import { getDb } from "@/lib/db/client";

export type AuthLinkState = "pending" | "used" | "expired" | "revoked";
export type AuthLinkView = {
  id: string;
  permanent: boolean;
  state: AuthLinkState;
  createdAt: Date;
  expiresAt: Date | null;
  createdByEmail: string;
  /** Temporary: when and from where it was consumed. Permanent: the last use. */
  usedAt: Date | null;
  usedIp: string | null;
  useCount: number;
  allowedIpRanges: string[];
};

/** The newest links shown; older ones stay in the database and the audit trail. */
export const MAX_LISTED_AUTH_LINKS = 100;

/** A link's state at `now`. A permanent link stays pending (usable) until revoked, however often used. */
export function authLinkState(
  link: { permanent: boolean; revokedAt: Date | null; usedAt: Date | null; expiresAt: Date | null },
  now: Date,
): AuthLinkState {
  if (link.revokedAt) return "revoked";
  if (link.permanent) return "pending";
  if (link.usedAt) return "used";
  return link.expiresAt && link.expiresAt > now ? "pending" : "expired";
}

/** An account's links, newest first, without their tokens. `userId` is the user's id. */
export async function listAuthLinks(userId: string, now = new Date()): Promise<AuthLinkView[]> {
  const rows = await getDb().authLink.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED_AUTH_LINKS,
  });
  return rows.map((row) => ({
    id: row.id,
    permanent: row.permanent,
    state: authLinkState(row, now),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    createdByEmail: row.createdByEmail,
    usedAt: row.usedAt,
    usedIp: row.usedIp,
    useCount: row.useCount,
    allowedIpRanges: row.allowedIpRanges ? row.allowedIpRanges.split(",") : [],
  }));
}
