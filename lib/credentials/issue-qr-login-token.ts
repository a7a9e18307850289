import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getSettings } from "@/lib/config/settings";
import { parseCredentialLabel, QR_LOGIN_TOKEN_TTL_MS } from "@/lib/credentials/credential-rules";
import { oneTimeQrPayload, type OneTimeQrPayload } from "@/lib/credentials/qr-login-payload";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { findUser } from "@/lib/users/find-user";

export const QR_LOGIN_PURPOSE = "qr_login";
export const DEFAULT_QR_LOGIN_LABEL = "Mobile app (one-time QR)";

export type IssuedQrLoginToken = { token: string; expiresAt: Date; payload: OneTimeQrPayload; json: string };

/**
 * A single-use sign-in token for the mobile app, valid ten minutes, shown once as a QR code. A new
 * one replaces any unused earlier one of the account, so at most one is outstanding. Only the
 * token's hash is stored; redeeming it creates the app's own MobileApp credential.
 */
export async function issueQrLoginToken(
  userId: string,
  input: { label?: string },
  actor: Actor,
  now = new Date(),
): Promise<IssuedQrLoginToken> {
  const label = input.label?.trim() ? parseCredentialLabel(input.label) : DEFAULT_QR_LOGIN_LABEL;
  const user = await findUser(userId);
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + QR_LOGIN_TOKEN_TTL_MS);
  await getDb().$transaction(async (tx) => {
    const replaced = await tx.oneTimeToken.deleteMany({ where: { purpose: QR_LOGIN_PURPOSE, userId: user.id, usedAt: null } });
    await tx.oneTimeToken.create({
      data: {
        tokenHash: sha256Hex(token),
        purpose: QR_LOGIN_PURPOSE,
        userId: user.id,
        createdById: actor.id ?? null,
        createdAt: now,
        expiresAt,
        details: JSON.stringify({ label }),
      },
    });
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "credential.qr_token.issue",
      result: "success",
      details: { label, expiresAt: expiresAt.toISOString(), replaced: replaced.count },
    });
  });
  return { token, expiresAt, ...oneTimeQrPayload({ user: user.email, token, publicUrl: getSettings().publicUrl, expiresAt }) };
}
