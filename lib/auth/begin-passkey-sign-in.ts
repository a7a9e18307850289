import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { SAML_ONLY_MESSAGE } from "@/lib/auth/begin-password-sign-in";
import type { LoginStage } from "@/lib/auth/login-ticket";
import { openLoginTicket } from "@/lib/auth/open-login-ticket";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { passkeyRefused } from "@/lib/passkeys/passkey-rules";
import { startPasskeyAuthentication } from "@/lib/passkeys/start-passkey-authentication";
import { verifyPasskeyAssertion } from "@/lib/passkeys/verify-passkey-assertion";
import { samlOnlyIn } from "@/lib/saml/is-saml-only-domain";
import { releaseAttempt, reserveIpAttempt } from "@/lib/throttle/reserve-attempt";
import { throttleRefusal } from "@/lib/throttle/throttle-refusal";

// Passwordless sign-in: the login page asks for any passkey of this site (the button, or the
// browser's autofill), and the passkey names the account. A passkey that verifies the user (PIN,
// fingerprint, face) is something held and something known or been at once, so it needs no
// second step and no enrolment: the ticket opens "ready", as a second factor would leave it.

/** Options naming no passkey: the authenticator offers the discoverable ones it holds for this site. */
export function startPasskeySignIn(now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return startPasskeyAuthentication(null, now);
}

/**
 * Checks the answer and opens a ready login ticket for the passkey's account. Each answer counts
 * against the client IP in the shared throttle first (handed back when the passkey verified), so
 * a flood of forged answers is refused before any signature is checked. A disabled or locked
 * account gets the same refusal as an unknown passkey; a SAML-only domain's people are sent to
 * their IdP, as after a right password (its administrators keep this way in, as they keep the
 * password). Refusals are audited by verifyPasskeyAssertion or here, with the reason.
 */
export async function finishPasskeySignIn(
  input: { response: unknown },
  ctx: Actor,
  now = new Date(),
): Promise<{ ticket: string; stage: LoginStage }> {
  const reserved = await reserveIpAttempt(ctx.ip ?? "", now);
  if (!reserved.reserved) throw throttleRefusal(reserved.retryAfterSeconds);
  const passkey = await verifyPasskeyAssertion({ userId: null, response: input.response }, ctx, now);
  await releaseAttempt(reserved.reservation);

  const user = await getDb().user.findUnique({
    where: { id: passkey.userId },
    select: { id: true, email: true, role: true, status: true, domain: { select: { saml: { select: { settings: true } } } } },
  });
  const subject = { id: passkey.userId, email: passkey.email };
  const actor = { ...ctx, ...subject };
  const refuse = async (reason: string, error: AppError) => {
    await getDb().$transaction((tx) =>
      recordAuditEvent(tx, {
        actor,
        subject,
        action: "login.passkey",
        result: "denied",
        details: { reason, passkeyId: passkey.passkeyId },
      }),
    );
    return error;
  };
  if (!user || user.status !== "active") throw await refuse(`account_${user?.status ?? "deleted"}`, passkeyRefused());
  if (user.role !== "admin" && samlOnlyIn(user.domain.saml?.settings))
    throw await refuse("saml_only", new AppError("forbidden", SAML_ONLY_MESSAGE));

  return openLoginTicket({ userId: user.id, email: user.email, stage: "ready", authMethod: "passkey" }, ctx, now, undefined, {
    actor,
    subject,
    action: "login.passkey",
    result: "success",
    details: { passkeyId: passkey.passkeyId, name: passkey.name },
  });
}
