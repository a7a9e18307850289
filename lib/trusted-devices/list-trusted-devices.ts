import { getDb } from "@/lib/db/client";

export type TrustedDeviceView = {
  id: string;
  description: string;
  ip: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
};

/** The user's trusted devices that still skip the OTP step, newest first (expired ones are left out). */
export async function listTrustedDevices(userId: string, now = new Date()): Promise<TrustedDeviceView[]> {
  return getDb().trustedDevice.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { id: true, description: true, ip: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
}
