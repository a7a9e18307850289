import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { clearThrottle } from "@/lib/throttle/login-throttle";
import { revokeUserAccess } from "@/lib/sessions/revoke-user-access";
import { findUser } from "@/lib/users/find-user";
import { userViewSelect, type UserView } from "@/lib/users/user-view";

export type StatusChange = "disable" | "enable" | "unlock";

/** Disable (signs the user out everywhere), enable, or unlock after too many failed sign-ins. */
export async function setUserStatus(idOrEmail: string, change: StatusChange, actor: Actor): Promise<UserView> {
  return getDb().$transaction(async (tx) => {
    const user = await findUser(idOrEmail, tx);
    if (change === "disable" && user.id === actor.id) throw new AppError("forbidden", messageKey("errors.admin.disableSelf"));
    if (change === "unlock" && user.status !== "locked")
      throw new AppError("conflict", messageKey("errors.admin.notLocked", { email: user.email, status: user.status }));
    const data = change === "disable" ? { status: "disabled" } : { status: "active", lockedAt: null, failedLoginCount: 0 };
    const updated = await tx.user.update({ where: { id: user.id }, data, select: userViewSelect });
    const revoked = change === "disable" ? await revokeUserAccess(tx, user.id) : null;
    // Back in: the address's sign-in delay goes too, or the first try would still be told to wait.
    if (change !== "disable") await clearThrottle(tx, user.email);
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: `user.${change}`,
      result: "success",
      details: { from: user.status, ...(revoked ? { authLinksRevoked: revoked.authLinks } : {}) },
    });
    return updated;
  });
}
