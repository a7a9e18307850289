import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { generateTotpSecret, totpUri } from "@/lib/two-factor/devices/totp-code";
import { insertTotpDevice, parseDeviceLabel, TOTP_ISSUER } from "@/lib/two-factor/devices/totp-device-store";
import { parseTotpOptions, type RawTotpOptions, type TotpOptions } from "@/lib/two-factor/devices/totp-options";
import { findUser } from "@/lib/users/find-user";

export type TotpEnrolment = { deviceId: string; secret: string; uri: string; options: TotpOptions };

/**
 * Self-service enrolment, step one: creates a disabled device and returns its seed once (the row
 * keeps it encrypted). The device counts only after confirmTotpDevice sees a valid code from it.
 */
export async function enrolTotpDevice(
  userId: string,
  input: { label: string; options?: RawTotpOptions },
  actor: Actor,
  now = new Date(),
): Promise<TotpEnrolment> {
  const label = parseDeviceLabel(input.label);
  const options = parseTotpOptions(input.options);
  const secret = generateTotpSecret(options.secretLength);
  return getDb().$transaction(async (tx) => {
    const user = await findUser(userId, tx);
    const uri = totpUri({ issuer: TOTP_ISSUER, accountName: user.email, secret, ...options });
    const deviceId = await insertTotpDevice(tx, { userId: user.id, label, secret, params: options, enabled: false }, now);
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "totp.enrol",
      result: "success",
      details: { deviceId, label, algorithm: options.algorithm, digits: options.digits, period: options.period },
    });
    return { deviceId, secret, uri, options };
  });
}
