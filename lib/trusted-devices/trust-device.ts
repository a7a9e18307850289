import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import type { Tx } from "@/lib/db/client";

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
