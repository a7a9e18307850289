import { getDb, type Tx } from "@/lib/db/client";

/** Whether the user has at least one confirmed TOTP device, i.e. can be asked for a code. */
export async function hasEnabledTotp(userId: string, tx?: Tx): Promise<boolean> {
  const db = tx ?? (getDb() as unknown as Tx);
  return (await db.totpDevice.count({ where: { userId, enabled: true } })) > 0;
}
