import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb, type Tx } from "@/lib/db/client";
import { normaliseRecoveryCode } from "@/lib/two-factor/recovery-codes/recovery-codes";
import { recoveryCodeHash } from "@/lib/two-factor/recovery-codes/replace-recovery-codes";
import { verifyTotp } from "@/lib/two-factor/devices/totp-code";
import { openTotpSecret, paramsOf, replayGuardOf } from "@/lib/two-factor/devices/totp-device-store";

export type SecondFactorResult = { ok: true; method: "totp" | "recovery" } | { ok: false };

// Longest thing a person could mean as a code (a grouped recovery code with spaces); longer input
// is refused before the database or any crypto sees it.
const MAX_INPUT_LENGTH = 64;

type Parsed = { kind: "totp"; digits: string } | { kind: "recovery"; compact: string } | { kind: "malformed" };

/** Decides from the shape alone which kind of code this is, so only one path does any work. */
function parseCode(code: string): Parsed {
  const compact = code.replace(/[\s-]+/g, "");
  if (/^[0-9]{6}$|^[0-9]{8}$/.test(compact)) return { kind: "totp", digits: compact };
  const recovery = normaliseRecoveryCode(code);
  return recovery ? { kind: "recovery", compact: recovery } : { kind: "malformed" };
}

/**
 * The OTP step: a current code from any enabled TOTP device of the user, or an unused recovery
 * code. Each is accepted once, by a compare-and-set in the database, so two parallel submissions
 * of one code succeed exactly once on SQLite and PostgreSQL alike. Failures are counted on the
 * user's enabled devices and audited; the code itself is never written anywhere.
 */
export async function verifySecondFactor(userId: string, code: string, actor: Actor, now = new Date()): Promise<SecondFactorResult> {
  if (typeof code !== "string" || code.length > MAX_INPUT_LENGTH) return { ok: false };
  const parsed = parseCode(code);
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) return { ok: false };

  if (parsed.kind === "totp") {
    const devices = await db.totpDevice.findMany({
      where: { userId, enabled: true, digits: parsed.digits.length },
      omit: { secretEnc: false },
      orderBy: { createdAt: "asc" },
    });
    for (const device of devices) {
      const check = verifyTotp({
        secret: openTotpSecret(device.secretEnc),
        token: parsed.digits,
        options: paramsOf(device),
        nowMs: now.getTime(),
        lastUsedStep: replayGuardOf(device.lastUsedStep),
      });
      if (!check.valid || check.timeStep === undefined) continue;
      const step = check.timeStep;
      const accepted = await db.$transaction(async (tx) => {
        // The compare-and-set: only one writer can move lastUsedStep past this step.
        const taken = await tx.totpDevice.updateMany({
          where: { id: device.id, enabled: true, lastUsedStep: { lt: step } },
          data: { lastUsedStep: step, lastUsedAt: now, failedAttempts: 0 },
        });
        if (taken.count !== 1) return false;
        await tx.totpDevice.updateMany({ where: { userId, id: { not: device.id } }, data: { failedAttempts: 0 } });
        await recordAuditEvent(tx, {
          actor,
          subject: user,
          action: "2fa.verify",
          result: "success",
          details: { method: "totp", deviceId: device.id },
        });
        return true;
      });
      if (accepted) return { ok: true, method: "totp" };
      // Lost the race to a parallel submission of the same code: that one counts, this one fails.
      break;
    }
  } else if (parsed.kind === "recovery") {
    const codeHash = recoveryCodeHash(parsed.compact);
    const accepted = await db.$transaction(async (tx) => {
      const taken = await tx.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } });
      if (taken.count !== 1) return false;
      await tx.totpDevice.updateMany({ where: { userId }, data: { failedAttempts: 0 } });
      const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
      await recordAuditEvent(tx, {
        actor,
        subject: user,
        action: "2fa.verify",
        result: "success",
        details: { method: "recovery", recoveryCodesLeft: left },
      });
      return true;
    });
    if (accepted) return { ok: true, method: "recovery" };
  }

  await db.$transaction((tx) => recordFailure(tx, user, parsed.kind, actor));
  return { ok: false };
}

async function recordFailure(tx: Tx, user: { id: string; email: string }, kind: Parsed["kind"], actor: Actor) {
  await tx.totpDevice.updateMany({ where: { userId: user.id, enabled: true }, data: { failedAttempts: { increment: 1 } } });
  await recordAuditEvent(tx, { actor, subject: user, action: "2fa.verify", result: "failure", details: { method: kind } });
}
