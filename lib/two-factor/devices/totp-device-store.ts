// How TOTP devices are kept: the seed sealed under the column's own context, the label rules, and
// the columns any screen or command may show (never secretEnc).
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { TotpAlgorithm, TotpDigits, TotpParams, TotpPeriod } from "@/lib/two-factor/devices/totp-options";

const SECRET_CONTEXT = "TotpDevice.secretEnc";

/** Issuer shown by authenticator apps; also the default label prefix of the otpauth URI. */
export const TOTP_ISSUER = "Gatehouse";
export const TOTP_LABEL_MAX = 64;
/** Enough for a phone, a tablet and a spare; a cap keeps one account from filling the table. */
export const TOTP_DEVICES_MAX = 10;
/** A device that was never confirmed is forgotten after this long. */
export const TOTP_ENROLMENT_TTL_MS = 30 * 60 * 1000;

export const sealTotpSecret = (secret: string) => encryptSecret(secret, SECRET_CONTEXT);
export const openTotpSecret = (sealed: string) => decryptSecret(sealed, SECRET_CONTEXT);

/** Trimmed, 1–64 printable characters; throws invalid_input on the `label` field otherwise. */
export function parseDeviceLabel(raw: unknown): string {
  const label = typeof raw === "string" ? raw.trim().replace(/\s+/g, " ") : "";
  let problem: string | null = null;
  if (label === "") problem = messageKey("validation.auth.deviceNameRequired");
  else if (label.length > TOTP_LABEL_MAX) problem = messageKey("validation.tooLong", { max: TOTP_LABEL_MAX });
  else if (/[\u0000-\u001f\u007f]/.test(label)) problem = messageKey("validation.auth.deviceNamePrintable");
  if (problem) throw new AppError("invalid_input", problem, { label: [problem] });
  return label;
}

export const totpDeviceViewSelect = {
  id: true,
  label: true,
  algorithm: true,
  digits: true,
  period: true,
  enabled: true,
  failedAttempts: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

export type TotpDeviceView = {
  id: string;
  label: string;
  algorithm: string;
  digits: number;
  period: number;
  enabled: boolean;
  failedAttempts: number;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/** The generator parameters stored on a row (validated when the row was written). */
export function paramsOf(row: { algorithm: string; digits: number; period: number }): TotpParams {
  return { algorithm: row.algorithm as TotpAlgorithm, digits: row.digits as TotpDigits, period: row.period as TotpPeriod };
}

/** The replay guard as verifyTotp takes it: -1 (never used) means no guard yet. */
export const replayGuardOf = (lastUsedStep: number) => (lastUsedStep >= 0 ? lastUsedStep : null);

/**
 * Inserts a device row in the caller's transaction: forgets the user's stale unconfirmed devices
 * first, then enforces the per-user cap. The seed is sealed here so no caller stores it in clear.
 */
export async function insertTotpDevice(
  tx: Tx,
  input: { userId: string; label: string; secret: string; params: TotpParams; enabled: boolean },
  now: Date,
): Promise<string> {
  const { userId } = input;
  await tx.totpDevice.deleteMany({
    where: { userId, enabled: false, createdAt: { lt: new Date(now.getTime() - TOTP_ENROLMENT_TTL_MS) } },
  });
  if ((await tx.totpDevice.count({ where: { userId } })) >= TOTP_DEVICES_MAX) {
    throw new AppError("conflict", messageKey("errors.auth.tooManyDevices", { max: TOTP_DEVICES_MAX }));
  }
  const device = await tx.totpDevice.create({
    data: {
      userId,
      label: input.label,
      secretEnc: sealTotpSecret(input.secret),
      algorithm: input.params.algorithm,
      digits: input.params.digits,
      period: input.params.period,
      enabled: input.enabled,
      createdAt: now,
    },
    select: { id: true },
  });
  return device.id;
}
