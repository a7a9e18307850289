import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { verifyPasskeyAssertion } from "@/lib/passkeys/verify-passkey-assertion";
import { verifyPassword } from "@/lib/passwords/hash-password";
import type { SessionUser } from "@/lib/sessions/session-store";
import { recordSignInFailure } from "@/lib/throttle/record-sign-in-result";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";
import { verifySecondFactor } from "@/lib/two-factor/devices/verify-second-factor";

export type ReauthProof = { password: string } | { code: string } | { passkey: unknown };

export const WRONG_REAUTH_PASSWORD = messageKey("errors.auth.wrongPassword");
export const WRONG_REAUTH_CODE = messageKey("errors.auth.wrongCode");
const REFUSED_PASSKEY = messageKey("errors.passkeys.notVerified");

/**
 * The re-authentication dialog ("sudo mode"): the account's password, a TOTP or recovery code, or
 * an answer from one of the account's passkeys (the browser's get() with the options of
 * startPasskeyAuthentication for this user) stamps the session with a fresh proof (Session.verifiedAt). Guessing from a session
 * is a way in like any other, so it goes through the shared throttle the way the password change's
 * current-password check does, and every wrong answer counts towards the account lock.
 */
export async function reauthenticate(
  session: SessionUser,
  proof: ReauthProof,
  actor: Actor,
  now = new Date(),
): Promise<{ verifiedAt: Date }> {
  // A service credential skipped the second factor: it must not turn itself into a full session.
  if (session.authMethod === "credential") {
    throw new AppError("forbidden", messageKey("errors.credentialSession"));
  }
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: session.id }, omit: { passwordHash: false } });
  if (!user || user.status !== "active") throw new AppError("unauthenticated", messageKey("errors.sessionEnded"));
  const ip = actor.ip ?? "";
  const subject = { id: user.id, email: user.email };

  // Counted before the password or code is checked, so guesses sent at once cannot pass together.
  const reservation = await reserveAttemptOrThrow({ email: user.email, ip }, now);

  let method: "password" | "totp" | "recovery" | "passkey" | null = null;
  if ("password" in proof) {
    if (user.passwordHash && (await verifyPassword(user.passwordHash, proof.password))) method = "password";
  } else if ("code" in proof) {
    const checked = await verifySecondFactor(user.id, proof.code, actor, now);
    if (checked.ok) method = checked.method;
  } else {
    // Refusals (challenge, signature, counter) are audited with their reason by the verifier.
    method = await verifyPasskeyAssertion({ userId: user.id, response: proof.passkey }, actor, now).then(
      () => "passkey" as const,
      (e: unknown) => {
        if (e instanceof AppError) return null;
        throw e;
      },
    );
  }

  if (!method) {
    const field = "password" in proof ? "password" : "code" in proof ? "code" : "passkey";
    const message = { password: WRONG_REAUTH_PASSWORD, code: WRONG_REAUTH_CODE, passkey: REFUSED_PASSKEY }[field];
    await db.$transaction(async (tx) => {
      await recordSignInFailure(tx, { email: user.email, ip, userId: user.id }, now);
      await recordAuditEvent(tx, { actor, subject, action: "session.reauth", result: "failure", details: { method: field } });
    });
    throw new AppError("invalid_credentials", message, { [field]: [message] });
  }
  await releaseAttempt(reservation);

  await db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { id: session.sessionId, userId: user.id }, data: { verifiedAt: now } });
    if (count !== 1) throw new AppError("unauthenticated", messageKey("errors.sessionEnded"));
    await recordAuditEvent(tx, { actor, subject, action: "session.reauth", result: "success", details: { method } });
  });
  return { verifiedAt: now };
}
