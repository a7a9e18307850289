import { sha256Hex } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";

export type TrustedDeviceMatch = { id: string; ip: string };

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
