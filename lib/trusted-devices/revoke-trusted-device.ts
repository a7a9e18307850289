import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Forgets one trusted device of `userId` (target = its id) or all of them (target = "all"): the
 * next sign-in from that browser asks for the second factor again. Callers pass the signed-in
 * user's own id, or an admin's chosen user, so another user's device is simply not found.
 */
export async function revokeTrustedDevice(userId: string, target: string, actor: Actor): Promise<{ revoked: number }> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("not_found", messageKey("errors.account.userNotFound"));
    const all = target === "all";
    const { count } = await tx.trustedDevice.deleteMany({ where: { userId, ...(all ? {} : { id: target }) } });
    if (!all && count === 0) throw new AppError("not_found", messageKey("errors.account.trustedDeviceNotFound"));
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "trusted_device.revoke",
      result: "success",
      details: { scope: all ? "all" : "one", ...(all ? {} : { deviceId: target }), revoked: count },
    });
    return { revoked: count };
  });
}
