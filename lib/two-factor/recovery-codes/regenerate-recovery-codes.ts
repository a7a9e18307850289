import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { RECOVERY_CODE_DEFAULT_COUNT } from "@/lib/two-factor/recovery-codes/recovery-codes";
import { replaceRecoveryCodes } from "@/lib/two-factor/recovery-codes/replace-recovery-codes";
import { findUser } from "@/lib/users/find-user";

/** A fresh set of recovery codes replacing all old ones (used or not); returned once. */
export async function regenerateRecoveryCodes(userId: string, actor: Actor, now = new Date()): Promise<string[]> {
  return getDb().$transaction(async (tx) => {
    const user = await findUser(userId, tx);
    if ((await tx.totpDevice.count({ where: { userId: user.id, enabled: true } })) === 0) {
      throw new AppError("conflict", messageKey("errors.auth.recoveryCodesNeedApp"));
    }
    const codes = await replaceRecoveryCodes(tx, user.id, RECOVERY_CODE_DEFAULT_COUNT, now);
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "recovery_codes.regenerate",
      result: "success",
      details: { count: codes.length },
    });
    return codes;
  });
}
