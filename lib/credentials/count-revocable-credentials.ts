import { QR_LOGIN_PURPOSE } from "@/lib/credentials/issue-qr-login-token";
import type { CredentialRevocation } from "@/lib/credentials/revoke-credentials";
import { getDb } from "@/lib/db/client";

/** What a revocation would take now, for the "this also signs out N …" line in the console and portal. */
export async function countRevocableCredentials(userId: string, now = new Date()): Promise<CredentialRevocation> {
  const db = getDb();
  const [credentials, qrTokens] = await Promise.all([
    db.credential.count({ where: { userId } }),
    db.oneTimeToken.count({ where: { userId, purpose: QR_LOGIN_PURPOSE, usedAt: null, expiresAt: { gt: now } } }),
  ]);
  return { credentials, qrTokens };
}
