import { getDb } from "@/lib/db/client";
import { viewOf, type PasskeyView } from "@/lib/passkeys/finish-passkey-registration";

/** The account's passkeys, newest first. Callers pass the signed-in user's id or the managed user's. */
export async function listPasskeys(userId: string): Promise<PasskeyView[]> {
  const rows = await getDb().passkey.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, aaguid: true, deviceType: true },
  });
  return rows.map(viewOf);
}
