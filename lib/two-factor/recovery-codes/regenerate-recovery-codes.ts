import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { secondFactorsLeft } from "@/lib/two-factor/devices/has-second-factor";
import { RECOVERY_CODE_DEFAULT_COUNT } from "@/lib/two-factor/recovery-codes/recovery-codes";
import { replaceRecoveryCodes } from "@/lib/two-factor/recovery-codes/replace-recovery-codes";
import { findUser } from "@/lib/users/find-user";

/**
 * A fresh set of recovery codes replacing all old ones (used or not); returned once. Any second
 * factor will do: an account whose only one is a passkey needs a way in when the passkey is lost.
 */
export async function regenerateRecoveryCodes(userId: string, actor: Actor, now = new Date()): Promise<string[]> {
  return getDb().$transaction(async (tx) => {
    const user = await findUser(userId, tx);
    if ((await secondFactorsLeft(tx, user.id)) === 0) {
      throw new AppError("conflict", messageKey("errors.auth.recoveryCodesNeedFactor"));
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
