import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { RECOVERY_CODE_DEFAULT_COUNT } from "@/lib/two-factor/recovery-codes/recovery-codes";
import { replaceRecoveryCodes } from "@/lib/two-factor/recovery-codes/replace-recovery-codes";
import { generateTotpSecret, totpUri } from "@/lib/two-factor/devices/totp-code";
import { insertTotpDevice, parseDeviceLabel, TOTP_ISSUER } from "@/lib/two-factor/devices/totp-device-store";
import { parseTotpOptions, type RawTotpOptions, type TotpOptions } from "@/lib/two-factor/devices/totp-options";
import { findUser } from "@/lib/users/find-user";

// Carbonio's static_code range: 0 (keep the user's current codes) to 12.
export const PROVISION_RECOVERY_CODES_MAX = 12;

export type ProvisionedTotpDevice = {
  account: string;
  deviceId: string;
  label: string;
  uri: string;
  secret: string;
  options: TotpOptions;
  /** Fresh codes replacing the old ones; empty when none were asked for (old ones stay). */
  recoveryCodes: string[];
};

function parseIssuer(raw: string | undefined): string {
  if (raw === undefined) return TOTP_ISSUER;
  const issuer = raw.trim();
  if (issuer === "" || issuer.length > 64 || issuer.includes(":") || /[\u0000-\u001f\u007f]/.test(issuer)) {
    const message = messageKey("errors.auth.totpLabelPrefix");
    throw new AppError("invalid_input", message, { labelPrefix: [message] });
  }
  return issuer;
}

function parseCount(raw: number | undefined): number {
  const count = raw ?? RECOVERY_CODE_DEFAULT_COUNT;
  if (!Number.isSafeInteger(count) || count < 0 || count > PROVISION_RECOVERY_CODES_MAX) {
    const message = messageKey("errors.auth.totpRecoveryCodeCount", { max: PROVISION_RECOVERY_CODES_MAX });
    throw new AppError("invalid_input", message, { staticCode: [message] });
  }
  return count;
}

/**
 * Admin provisioning, as Carbonio's `auth totp generate`: the device is enabled at once (the admin
 * hands the seed over out of band) and the seed, URI and recovery codes are returned this once.
 */
export async function provisionTotpDevice(
  userIdOrEmail: string,
  input: { label?: string; labelPrefix?: string; options?: RawTotpOptions; recoveryCodeCount?: number },
  actor: Actor,
  now = new Date(),
): Promise<ProvisionedTotpDevice> {
  const issuer = parseIssuer(input.labelPrefix);
  const label = parseDeviceLabel(input.label ?? (input.labelPrefix ? issuer : "Provisioned by an administrator"));
  const options = parseTotpOptions(input.options);
  const count = parseCount(input.recoveryCodeCount);
  const secret = generateTotpSecret(options.secretLength);
  return getDb().$transaction(async (tx) => {
    const user = await findUser(userIdOrEmail, tx);
    const uri = totpUri({ issuer, accountName: user.email, secret, ...options });
    const deviceId = await insertTotpDevice(tx, { userId: user.id, label, secret, params: options, enabled: true }, now);
    const recoveryCodes = count > 0 ? await replaceRecoveryCodes(tx, user.id, count, now) : [];
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "totp.provision",
      result: "success",
      details: {
        deviceId,
        label,
        algorithm: options.algorithm,
        digits: options.digits,
        period: options.period,
        recoveryCodesIssued: count,
      },
    });
    return { account: user.email, deviceId, label, uri, secret, options, recoveryCodes };
  });
}
