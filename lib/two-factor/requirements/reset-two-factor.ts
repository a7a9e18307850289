import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { revokeUserAccess, type AccessRevocation } from "@/lib/sessions/revoke-user-access";
import { findUser } from "@/lib/users/find-user";

export type TwoFactorReset = AccessRevocation & { devices: number; recoveryCodes: number; passkeys: number };

/**
 * Admin reset for a user who lost their authenticator: every TOTP device, passkey and recovery code goes,
 * and so do the user's sessions, trusted devices and (unless `keepCredentials`) service
 * credentials and unused one-time QR codes, because whoever holds them may be the reason for the
 * reset. An admin resetting their own account keeps the session they are using.
 */
export async function resetTwoFactor(
  userIdOrEmail: string,
  actor: Actor & { sessionId?: string },
  opts: { keepCredentials?: boolean } = {},
): Promise<TwoFactorReset> {
  return getDb().$transaction(async (tx) => {
    const user = await findUser(userIdOrEmail, tx);
    const devices = await tx.totpDevice.deleteMany({ where: { userId: user.id } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const passkeys = await tx.passkey.deleteMany({ where: { userId: user.id } });
    const keepSessionId = user.id === actor.id ? actor.sessionId : undefined;
    const revoked = await revokeUserAccess(tx, user.id, { keepSessionId, revokeCredentials: !opts.keepCredentials });
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "2fa.reset",
      result: "success",
      details: {
        devices: devices.count,
        recoveryCodes: codes.count,
        passkeys: passkeys.count,
        sessions: revoked.sessions,
        trustedDevices: revoked.trustedDevices,
        credentialsRevoked: revoked.credentials,
        qrTokensRevoked: revoked.qrTokens,
        authLinksRevoked: revoked.authLinks,
        keepCredentials: !!opts.keepCredentials,
      },
    });
    return { ...revoked, devices: devices.count, recoveryCodes: codes.count, passkeys: passkeys.count };
  });
}
