import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { pendingLinkWhere } from "@/lib/auth-links/auth-link-rules";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { findUser } from "@/lib/users/find-user";

/**
 * Revokes one of the account's links by id, or with "all" every pending one (temporary and
 * permanent). Returns how many were revoked: 0 for a link that was already used, expired or
 * revoked. An id that is not one of this account's links is not_found.
 */
export async function revokeAuthLinks(userId: string, which: string, actor: Actor, now = new Date()): Promise<number> {
  const target = String(which ?? "").trim();
  if (target === "" || target.length > 64) throw new AppError("not_found", messageKey("errors.authLink.notFound"));
  return getDb().$transaction(async (tx) => {
    const user = await findUser(String(userId ?? "").slice(0, 320), tx);
    if (target !== "all") {
      const link = await tx.authLink.findFirst({ where: { id: target, userId: user.id }, select: { id: true } });
      if (!link) throw new AppError("not_found", messageKey("errors.authLink.notFound"));
    }
    const revoked = await tx.authLink.updateMany({
      where: { userId: user.id, ...(target === "all" ? {} : { id: target }), ...pendingLinkWhere(now) },
      data: { revokedAt: now },
    });
    if (revoked.count > 0) {
      await recordAuditEvent(tx, {
        actor,
        subject: { id: user.id, email: user.email },
        action: "auth_link.revoke",
        result: "success",
        details: { which: target === "all" ? "all" : "one", linkId: target === "all" ? null : target, count: revoked.count },
      });
    }
    return revoked.count;
  });
}
