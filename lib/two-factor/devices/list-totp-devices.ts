import { getDb } from "@/lib/db/client";
import { totpDeviceViewSelect, type TotpDeviceView } from "@/lib/two-factor/devices/totp-device-store";

export type TwoFactorOverview = {
  devices: TotpDeviceView[];
  recoveryCodes: { total: number; unused: number };
};

/** The user's authenticator devices, oldest first, and how many recovery codes are left. */
export async function listTotpDevices(userId: string): Promise<TwoFactorOverview> {
  const db = getDb();
  const [devices, total, unused] = await Promise.all([
    db.totpDevice.findMany({ where: { userId }, select: totpDeviceViewSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.recoveryCode.count({ where: { userId } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { devices, recoveryCodes: { total, unused } };
}
