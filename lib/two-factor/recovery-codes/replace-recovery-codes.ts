import type { Tx } from "@/lib/db/client";
import { hmacHex } from "@/lib/crypto/tokens";
import { generateRecoveryCodes, normaliseRecoveryCode } from "@/lib/two-factor/recovery-codes/recovery-codes";

/** HMAC of a code's canonical form: what RecoveryCode.codeHash holds and lookups compare. */
export function recoveryCodeHash(normalised: string): string {
  return hmacHex(normalised);
}

/**
 * Replaces every recovery code of the user with `count` fresh ones, inside the caller's
 * transaction, and returns them in display form: the only time they exist in clear.
 */
export async function replaceRecoveryCodes(tx: Tx, userId: string, count: number, now = new Date()): Promise<string[]> {
  const codes = generateRecoveryCodes(count);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  if (codes.length > 0) {
    await tx.recoveryCode.createMany({
      data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(normaliseRecoveryCode(code)!), createdAt: now })),
    });
  }
  return codes;
}
