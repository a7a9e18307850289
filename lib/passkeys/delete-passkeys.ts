import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { secondFactorsLeft } from "@/lib/two-factor/devices/has-second-factor";
import { twoFactorRequirementDetails } from "@/lib/two-factor/requirements/two-factor-requirement";

/**
 * Deletes one of `userId`'s passkeys, or all of them (`"all"`: an admin's clean-up, the CLI's
 * `auth passkey delete <account> all`). Anyone else's passkey is simply not found. The same rules
 * as deleting an authenticator app (lib/two-factor/devices/delete-totp-device.ts): when no second
 * factor is left, the recovery codes and trusted devices go too; with `keepLastWhenRequired`
 * (self-service) the last second factor of an account that must have one stays. Audited in the
 * same transaction, with the names deleted.
 */
export async function deletePasskeys(
  userId: string,
  which: string,
  actor: Actor,
  opts: { keepLastWhenRequired?: boolean } = {},
): Promise<{ deleted: number; recoveryCodesDeleted: number; trustedDevicesForgotten: number }> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    const passkeys = await tx.passkey.findMany({
      where: { userId, ...(which === "all" ? {} : { id: which }) },
      select: { id: true, name: true },
    });
    if (!user || (which !== "all" && passkeys.length === 0)) throw new AppError("not_found", messageKey("errors.passkeys.notFound"));
    const { count } = await tx.passkey.deleteMany({ where: { id: { in: passkeys.map((p) => p.id) } } });
    const lastGone = count > 0 && (await secondFactorsLeft(tx, userId)) === 0;
    if (lastGone && opts.keepLastWhenRequired && (await twoFactorRequirementDetails(userId, new Date(), tx)).required) {
      throw new AppError("conflict", messageKey("errors.passkeys.keepLast"));
    }
    const codes = lastGone ? await tx.recoveryCode.deleteMany({ where: { userId } }) : { count: 0 };
    const trusted = lastGone ? await tx.trustedDevice.deleteMany({ where: { userId } }) : { count: 0 };
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "passkey.delete",
      result: "success",
      details: {
        deleted: count,
        names: passkeys
          .map((p) => p.name)
          .join(", ")
          .slice(0, 500),
        recoveryCodesDeleted: codes.count,
        trustedDevicesForgotten: trusted.count,
      },
    });
    return { deleted: count, recoveryCodesDeleted: codes.count, trustedDevicesForgotten: trusted.count };
  });
}
