import type { Tx } from "@/lib/db/client";

/**
 * Signs a user out everywhere (optionally keeping the current session) and forgets their trusted
 * devices: what a password change, a 2FA reset or a disable must do. Runs in the caller's
 * transaction so the change and the revocation happen together.
 */
export async function revokeUserAccess(tx: Tx, userId: string, opts: { keepSessionId?: string; keepTrustedDevices?: boolean } = {}) {
  const sessions = await tx.session.deleteMany({
    where: { userId, ...(opts.keepSessionId ? { id: { not: opts.keepSessionId } } : {}) },
  });
  const devices = opts.keepTrustedDevices ? { count: 0 } : await tx.trustedDevice.deleteMany({ where: { userId } });
  await tx.pendingLogin.deleteMany({ where: { userId } });
  return { sessions: sessions.count, trustedDevices: devices.count };
}
