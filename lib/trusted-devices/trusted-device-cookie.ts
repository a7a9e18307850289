import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { getDb, type Tx } from "@/lib/db/client";

export type TrustedDeviceMatch = { id: string; ip: string };

/** Remembers this browser for the user: returns the raw token for the HttpOnly cookie (the row keeps its hash). */
export async function trustDevice(
  tx: Tx,
  input: { userId: string; description: string; ip: string; lifetimeDays: number },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + input.lifetimeDays * 24 * 60 * 60 * 1000);
  await tx.trustedDevice.create({
    data: {
      userId: input.userId,
      tokenHash: sha256Hex(token),
      description: input.description.slice(0, 200),
      ip: input.ip.slice(0, 64),
      createdAt: now,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

/** The user's unexpired trusted device behind a cookie token, or null; records its use. */
export async function findTrustedDevice(userId: string, token: string | undefined, now = new Date()): Promise<TrustedDeviceMatch | null> {
  if (!token || token.length > 128) return null;
  const db = getDb();
  const row = await db.trustedDevice.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!row || row.userId !== userId || row.expiresAt <= now) return null;
  await db.trustedDevice.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { id: row.id, ip: row.ip };
}

/** Has the user trusted a device from this IP (policy 1: "an IP the user trusted skips it")? */
export async function ipTrustedByUser(userId: string, ip: string, now = new Date()): Promise<boolean> {
  if (!ip) return false;
  return (await getDb().trustedDevice.count({ where: { userId, ip, expiresAt: { gt: now } } })) > 0;
}
