import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { log } from "@/lib/log/logger";
import { TRUSTED_DEVICE_LIFETIME } from "@/lib/two-factor/policies/policy-values";

const { key: KEY, defaultDays: DEFAULT_DAYS, minDays: MIN_DAYS, maxDays: MAX_DAYS } = TRUSTED_DEVICE_LIFETIME;

const DAY_MS = 24 * 60 * 60 * 1000;

const inBounds = (n: number) => Number.isSafeInteger(n) && n >= MIN_DAYS && n <= MAX_DAYS;

/** How many days a device the user chose to trust skips the OTP step (Carbonio's trustedDevice expiration). */
export async function getTrustedDeviceLifetimeDays(tx: Tx = getDb() as unknown as Tx): Promise<number> {
  const row = await tx.setting.findUnique({ where: { key: KEY } });
  if (!row) return DEFAULT_DAYS;
  const days = Number(row.value);
  if (inBounds(days) && /^\d+$/.test(row.value)) return days;
  // Only a hand-edited database gets here; the default is the documented value, so use it.
  log.warn("setting.invalid", { key: KEY });
  return DEFAULT_DAYS;
}

/**
 * Sets the lifetime (1..365 days) for devices trusted from now on; returns the stored value.
 * Shortening it also caps devices already trusted, so none stays trusted longer than the new
 * lifetime from now: an admin who shortens it usually does so because they want less trust.
 */
export async function setTrustedDeviceLifetimeDays(days: number, actor: Actor, now = new Date()): Promise<number> {
  if (typeof days !== "number" || !inBounds(days)) {
    const message = messageKey("errors.admin.lifetimeRange", { min: MIN_DAYS, max: MAX_DAYS });
    throw new AppError("invalid_input", message, { days: [messageKey("validation.admin.daysRange", { min: MIN_DAYS, max: MAX_DAYS })] });
  }
  return getDb().$transaction(async (tx) => {
    const previous = await getTrustedDeviceLifetimeDays(tx);
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: String(days) }, update: { value: String(days) } });
    const latest = new Date(now.getTime() + days * DAY_MS);
    const { count: capped } = await tx.trustedDevice.updateMany({ where: { expiresAt: { gt: latest } }, data: { expiresAt: latest } });
    await recordAuditEvent(tx, { actor, action: "policy.trusted_device_lifetime", result: "success", details: { days, previous, capped } });
    return days;
  });
}
