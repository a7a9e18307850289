import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { secondFactorsLeft } from "@/lib/two-factor/devices/has-second-factor";
import { twoFactorRequirementDetails } from "@/lib/two-factor/requirements/two-factor-requirement";

/**
 * Deletes one device of `userId`. Callers pass the signed-in user's own id (self-service) or the
 * id of the user an admin is managing, so a device of anyone else is simply not found. When no
 * enabled device or passkey is left, the recovery codes and the trusted devices go too: they belong to a
 * second factor that is gone (a trusted-device cookie must not outlive it and skip a later one).
 * With `keepLastWhenRequired` (self-service), the last device of a user whom an admin requires to
 * use 2FA cannot be deleted: the user would lock themselves out at the next sign-in.
 */
export async function deleteTotpDevice(
  userId: string,
  deviceId: string,
  actor: Actor,
  opts: { keepLastWhenRequired?: boolean } = {},
): Promise<{ id: string; label: string; recoveryCodesDeleted: number; trustedDevicesForgotten: number }> {
  return getDb().$transaction(async (tx) => {
    const device = await tx.totpDevice.findFirst({
      where: { id: deviceId, userId },
      select: { id: true, label: true, enabled: true, user: { select: { id: true, email: true } } },
    });
    if (!device) throw new AppError("not_found", messageKey("errors.auth.deviceNotFound"));
    await tx.totpDevice.delete({ where: { id: device.id } });
    // A passkey left is a second factor left: then the codes and trusted devices stay.
    const remaining = await secondFactorsLeft(tx, userId);
    if (remaining === 0 && device.enabled && opts.keepLastWhenRequired) {
      if ((await twoFactorRequirementDetails(userId, new Date(), tx)).required) {
        throw new AppError("conflict", messageKey("errors.auth.keepLastDevice"));
      }
    }
    const codes = remaining === 0 ? await tx.recoveryCode.deleteMany({ where: { userId } }) : { count: 0 };
    const trusted = remaining === 0 ? await tx.trustedDevice.deleteMany({ where: { userId } }) : { count: 0 };
    await recordAuditEvent(tx, {
      actor,
      subject: device.user,
      action: "totp.delete",
      result: "success",
      details: { deviceId: device.id, label: device.label, recoveryCodesDeleted: codes.count, trustedDevicesForgotten: trusted.count },
    });
    return { id: device.id, label: device.label, recoveryCodesDeleted: codes.count, trustedDevicesForgotten: trusted.count };
  });
}
