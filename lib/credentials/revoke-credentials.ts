import { QR_LOGIN_PURPOSE } from "@/lib/credentials/issue-qr-login-token";
import type { Tx } from "@/lib/db/client";

export type CredentialRevocation = { credentials: number; qrTokens: number };

/**
 * Deletes every service credential of an account (app passwords, mobile passwords, QR sign-ins)
 * and its unused one-time QR codes, with the web sessions those credentials opened. Deleting, not
 * disabling, is the revocation: a disabled credential could be turned on again, a deleted one
 * cannot, and the owner makes new ones with fresh secrets. Runs in the caller's transaction.
 */
export async function revokeUserCredentials(tx: Tx, userId: string): Promise<CredentialRevocation> {
  await tx.session.deleteMany({ where: { userId, credentialId: { not: null } } });
  const credentials = await tx.credential.deleteMany({ where: { userId } });
  const qrTokens = await tx.oneTimeToken.deleteMany({ where: { userId, purpose: QR_LOGIN_PURPOSE, usedAt: null } });
  return { credentials: credentials.count, qrTokens: qrTokens.count };
}
