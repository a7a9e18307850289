import { LACKS_SECOND_FACTOR } from "@/lib/two-factor/devices/has-second-factor";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { log } from "@/lib/log/logger";
import { ADMIN_TWO_FACTOR } from "@/lib/two-factor/policies/policy-values";

export type AdminTwoFactorSettings = {
  required: boolean;
  adminCount: number;
  /** Administrators without an enabled TOTP device: those the requirement sends to enrolment. */
  adminsWithoutDevice: number;
};

/** Whether every administrator must have a second factor (a missing setting means yes). */
export async function adminsRequireTwoFactor(tx: Tx = getDb() as unknown as Tx): Promise<boolean> {
  const row = await tx.setting.findUnique({ where: { key: ADMIN_TWO_FACTOR.key } });
  if (!row) return ADMIN_TWO_FACTOR.defaultRequired;
  if (row.value === "true") return true;
  if (row.value === "false") return false;
  // Only a hand-edited database gets here: keep administrators protected.
  log.warn("setting.invalid", { key: ADMIN_TWO_FACTOR.key });
  return true;
}

export async function getAdminTwoFactorSettings(): Promise<AdminTwoFactorSettings> {
  const db = getDb();
  const [required, adminCount, adminsWithoutDevice] = await Promise.all([
    adminsRequireTwoFactor(),
    db.user.count({ where: { role: "admin" } }),
    db.user.count({ where: { role: "admin", ...LACKS_SECOND_FACTOR } }),
  ]);
  return { required, adminCount, adminsWithoutDevice };
}

/**
 * Switches the administrators' requirement on or off. Grace works as for the other requirements:
 * the domain's grace days from User.twoFactorRequiredAt, else from the account's creation. Switching
 * it on gives administrators under no other requirement the full grace from now; switching it off
 * clears the start for administrators whom nothing else requires, so a later switch-on starts anew.
 */
export async function setAdminsRequireTwoFactor(required: boolean, actor: Actor, now = new Date()): Promise<AdminTwoFactorSettings> {
  if (typeof required !== "boolean")
    throw new AppError("invalid_input", messageKey("errors.auth.trueOrFalse"), {
      required: [messageKey("validation.auth.chooseTrueOrFalse")],
    });
  await getDb().$transaction(async (tx) => {
    const previous = await adminsRequireTwoFactor(tx);
    const value = String(required);
    await tx.setting.upsert({ where: { key: ADMIN_TWO_FACTOR.key }, create: { key: ADMIN_TWO_FACTOR.key, value }, update: { value } });
    const unrequiredAdmins = { role: "admin", require2fa: false, domain: { require2fa: false } };
    let usersChanged = 0;
    if (required && !previous) {
      ({ count: usersChanged } = await tx.user.updateMany({
        where: { ...unrequiredAdmins, twoFactorRequiredAt: null },
        data: { twoFactorRequiredAt: now },
      }));
    } else if (!required && previous) {
      ({ count: usersChanged } = await tx.user.updateMany({
        where: { ...unrequiredAdmins, twoFactorRequiredAt: { not: null } },
        data: { twoFactorRequiredAt: null },
      }));
    }
    await recordAuditEvent(tx, {
      actor,
      action: "policy.admin_2fa_requirement",
      result: "success",
      details: { required, previous, usersChanged },
    });
  });
  return getAdminTwoFactorSettings();
}
