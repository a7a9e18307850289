import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { RECOVERY_CODE_DEFAULT_COUNT } from "@/lib/two-factor/recovery-codes/recovery-codes";
import { replaceRecoveryCodes } from "@/lib/two-factor/recovery-codes/replace-recovery-codes";
import { normaliseTotpToken, verifyTotp } from "@/lib/two-factor/devices/totp-code";
import { openTotpSecret, paramsOf, replayGuardOf, TOTP_ENROLMENT_TTL_MS } from "@/lib/two-factor/devices/totp-device-store";

const WRONG_CODE = messageKey("errors.auth.wrongEnrolmentCode");
const wrongCode = () => new AppError("invalid_input", WRONG_CODE, { code: [WRONG_CODE] });

/**
 * Self-service enrolment, step two: a valid code from the new device enables it. The code's time
 * step is stored with the same compare-and-set as sign-in, so it cannot be used again at the OTP
 * step. The user's first enabled device comes with a fresh set of recovery codes, returned once.
 */
export async function confirmTotpDevice(
  userId: string,
  deviceId: string,
  code: string,
  actor: Actor,
  now = new Date(),
): Promise<{ recoveryCodes: string[] | null }> {
  const db = getDb();
  const device = await db.totpDevice.findFirst({
    where: { id: deviceId, userId },
    omit: { secretEnc: false },
    include: { user: { select: { id: true, email: true } } },
  });
  if (!device) throw new AppError("not_found", messageKey("errors.auth.enrolmentNotFound"));
  if (device.enabled) throw new AppError("conflict", messageKey("errors.auth.deviceAlreadyOn"));
  if (now.getTime() - device.createdAt.getTime() > TOTP_ENROLMENT_TTL_MS) {
    throw new AppError("expired", messageKey("errors.auth.enrolmentExpired"));
  }

  const params = paramsOf(device);
  const token = normaliseTotpToken(code, params.digits);
  const check = token
    ? verifyTotp({
        secret: openTotpSecret(device.secretEnc),
        token,
        options: params,
        nowMs: now.getTime(),
        lastUsedStep: replayGuardOf(device.lastUsedStep),
      })
    : { valid: false as const };

  const subject = device.user;
  const outcome = await db.$transaction(async (tx) => {
    if (check.valid && check.timeStep !== undefined) {
      const taken = await tx.totpDevice.updateMany({
        where: { id: device.id, userId, enabled: false, lastUsedStep: { lt: check.timeStep } },
        data: { enabled: true, lastUsedStep: check.timeStep, lastUsedAt: now, failedAttempts: 0 },
      });
      if (taken.count === 1) {
        const others = await tx.totpDevice.count({ where: { userId, enabled: true, id: { not: device.id } } });
        const recoveryCodes = others === 0 ? await replaceRecoveryCodes(tx, userId, RECOVERY_CODE_DEFAULT_COUNT, now) : null;
        await recordAuditEvent(tx, {
          actor,
          subject,
          action: "totp.enable",
          result: "success",
          details: { deviceId: device.id, label: device.label, recoveryCodesIssued: recoveryCodes?.length ?? 0 },
        });
        return { recoveryCodes };
      }
    }
    await tx.totpDevice.updateMany({ where: { id: device.id, userId }, data: { failedAttempts: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actor,
      subject,
      action: "totp.enable",
      result: "failure",
      details: { deviceId: device.id, reason: token ? "wrong_code" : "malformed" },
    });
    return null;
  });
  if (!outcome) throw wrongCode();
  return outcome;
}
