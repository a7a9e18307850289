import { noteAccessChanged } from "@/lib/gate/access-changes";
import { pendingLinkWhere } from "@/lib/auth-links/auth-link-rules";
import { revokeUserCredentials } from "@/lib/credentials/revoke-credentials";
import type { Tx } from "@/lib/db/client";

export type AccessRevocation = { sessions: number; trustedDevices: number; credentials: number; qrTokens: number; authLinks: number };

/**
 * Signs a user out everywhere (optionally keeping the current session) and forgets their trusted
 * devices: what a password change, a 2FA reset or a disable must do. The user's pending auth links
 * (temporary and permanent) are revoked every time: each is a way in that skips the password, so
 * it must not survive the event that ends the others; an admin creates a new one afterwards. With
 * `revokeCredentials`, the service credentials and unused one-time QR codes go too (the resets do
 * this unless asked to keep them). Runs in the caller's transaction so the change and the
 * revocation happen together.
 */
export async function revokeUserAccess(
  tx: Tx,
  userId: string,
  opts: { keepSessionId?: string; keepTrustedDevices?: boolean; revokeCredentials?: boolean; now?: Date } = {},
): Promise<AccessRevocation> {
  const now = opts.now ?? new Date();
  const sessions = await tx.session.deleteMany({
    where: { userId, ...(opts.keepSessionId ? { id: { not: opts.keepSessionId } } : {}) },
  });
  const revoked = opts.revokeCredentials ? await revokeUserCredentials(tx, userId) : { credentials: 0, qrTokens: 0 };
  const devices = opts.keepTrustedDevices ? { count: 0 } : await tx.trustedDevice.deleteMany({ where: { userId } });
  await tx.pendingLogin.deleteMany({ where: { userId } });
  // The gate forgets its cached yeses for this account (a password change, disable or 2FA reset).
  noteAccessChanged(userId);
  const links = await tx.authLink.updateMany({ where: { userId, ...pendingLinkWhere(now) }, data: { revokedAt: now } });
  return { sessions: sessions.count, trustedDevices: devices.count, ...revoked, authLinks: links.count };
}
