import { DEFAULT_QR_LOGIN_LABEL, QR_LOGIN_PURPOSE } from "@/lib/credentials/issue-qr-login-token";
import { sha256Hex } from "@/lib/crypto/tokens";
import { getDb, type Tx } from "@/lib/db/client";

export type RedeemedQrLogin = { userId: string; email: string; label: string };

/**
 * Takes a one-time QR token exactly once: the conditional update (unused, unexpired) is the claim,
 * so two racing redemptions cannot both win. Returns the active account it was issued for, or null
 * (unknown, used, expired, or account not active) without saying which.
 */
export async function redeemQrLoginToken(token: string, now = new Date(), tx?: Tx): Promise<RedeemedQrLogin | null> {
  if (typeof token !== "string" || token.length < 16 || token.length > 128) return null;
  const run = async (db: Tx): Promise<RedeemedQrLogin | null> => {
    const tokenHash = sha256Hex(token);
    const claimed = await db.oneTimeToken.updateMany({
      where: { tokenHash, purpose: QR_LOGIN_PURPOSE, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const row = await db.oneTimeToken.findUnique({
      where: { tokenHash },
      select: { details: true, user: { select: { id: true, email: true, status: true } } },
    });
    if (!row?.user || row.user.status !== "active") return null;
    return { userId: row.user.id, email: row.user.email, label: labelOf(row.details) };
  };
  return tx ? run(tx) : getDb().$transaction(run);
}

function labelOf(details: string): string {
  try {
    const label = (JSON.parse(details) as { label?: unknown }).label;
    return typeof label === "string" && label ? label : DEFAULT_QR_LOGIN_LABEL;
  } catch {
    return DEFAULT_QR_LOGIN_LABEL;
  }
}
