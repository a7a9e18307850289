import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getSettings } from "@/lib/config/settings";
import { generatedCredential, insertCredential } from "@/lib/credentials/create-credential";
import { redeemQrLoginToken } from "@/lib/credentials/redeem-qr-login-token";
import { getDb } from "@/lib/db/client";

export type QrLoginExchange = {
  auth_method: "password";
  auth_payload: { user: string; password: string };
  auth_endpoint: [{ url: string }];
  credential: { id: string; label: string; services: string[] };
};

/**
 * The mobile endpoint's work: redeem the token and, in the same transaction, create the app's own
 * MobileApp credential. Its password is in the answer once; if anything fails the token stays unused.
 */
export async function exchangeQrLoginToken(token: string, ctx: Actor, now = new Date()): Promise<QrLoginExchange | null> {
  return getDb().$transaction(async (tx) => {
    const redeemed = await redeemQrLoginToken(token, now, tx);
    if (!redeemed) return null;
    const user = { id: redeemed.userId, email: redeemed.email };
    const actor = { ...ctx, id: user.id, email: user.email };
    const prepared = generatedCredential({
      kind: "qr",
      label: redeemed.label,
      services: ["MobileApp"],
      expiresAt: null,
      allowedIpRanges: "",
    });
    const credential = await insertCredential(tx, user, prepared, actor, now);
    await recordAuditEvent(tx, {
      actor,
      subject: user,
      action: "credential.qr_token.redeem",
      result: "success",
      details: { credentialId: credential.id },
    });
    return {
      auth_method: "password",
      auth_payload: { user: user.email, password: prepared.secret },
      auth_endpoint: [{ url: getSettings().publicUrl }],
      credential: { id: credential.id, label: credential.label, services: credential.services },
    };
  });
}
