import { getDb } from "@/lib/db/client";
import { parseDeviceName, type DeviceName } from "@/lib/sessions/describe-user-agent";

export type TrustedDeviceView = {
  id: string;
  /** The stored name, canonical English ("Firefox on Linux"): what the CLI shows. */
  description: string;
  /** The same name parsed back, for the web to word in the viewer's language. */
  device: DeviceName;
  ip: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
};

/** The user's trusted devices that still skip the OTP step, newest first (expired ones are left out). */
export async function listTrustedDevices(userId: string, now = new Date()): Promise<TrustedDeviceView[]> {
  const rows = await getDb().trustedDevice.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { id: true, description: true, ip: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((row) => ({ ...row, device: parseDeviceName(row.description) }));
}
