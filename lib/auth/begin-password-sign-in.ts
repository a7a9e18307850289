import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { decideSecondFactor } from "@/lib/two-factor/decide-second-factor";
import { createLoginTicket, type LoginStage } from "@/lib/auth/login-ticket";
import { checkAccountPassword, INVALID_CREDENTIALS_MESSAGE, recordPasswordCheck } from "@/lib/auth/verify-account-password";
import { verifyServiceCredential } from "@/lib/credentials/verify-credential";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";
import { isSamlOnlyDomain } from "@/lib/saml/is-saml-only-domain";

export const ENROLMENT_OVERDUE_MESSAGE = messageKey("errors.enrolmentOverdue");
export const SAML_ONLY_MESSAGE = messageKey("errors.saml.samlOnly");

/**
 * The password step of web sign-in. The secret may be the account's password or a service
 * credential scoped to WebUI (which, as in Carbonio, is not asked for a second factor). On success
 * it opens a login ticket whose stage says what is still missing before a session may be created:
 * "otp", "enrol", or nothing ("ready").
 */
export async function beginPasswordSignIn(
  input: { email: string; password: string; trustedDeviceToken?: string },
  ctx: Actor,
  now = new Date(),
): Promise<{ ticket: string; stage: LoginStage }> {
  const ip = ctx.ip ?? "";
  // Counted before argon2 runs, so guesses sent at once cannot all slip past the throttle.
  const reservation = await reserveAttemptOrThrow({ email: input.email, ip }, now);
  const check = await checkAccountPassword(input.email, input.password);
  if (!check.account) {
    const credential = await verifyServiceCredential({ email: check.email, secret: input.password, service: "WebUI", ip }, now);
    if (credential) {
      await releaseAttempt(reservation);
      return openTicket(
        { userId: credential.userId, email: check.email, stage: "ready", authMethod: "credential" },
        ctx,
        now,
        credential.credentialId,
      );
    }
    await recordPasswordCheck(check, { ...ctx, service: "WebUI" }, now);
    throw new AppError("invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
  }
  await releaseAttempt(reservation);
  await recordPasswordCheck(check, { ...ctx, service: "WebUI" }, now);
  const account = check.account;
  // A SAML-only domain keeps its people on their IdP; its administrators keep the password as the
  // break-glass way in (/login?method=password). Said only after a correct password.
  if (account.role !== "admin" && (await isSamlOnlyDomain(account.domainId))) {
    throw new AppError("forbidden", SAML_ONLY_MESSAGE);
  }

  const decision = await decideSecondFactor(
    { userId: account.id, domainId: account.domainId, ip, trustedDeviceToken: input.trustedDeviceToken },
    now,
  );
  if ("refused" in decision) {
    await getDb().$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: { ...ctx, id: account.id, email: account.email },
        subject: account,
        action: "login.2fa.enrolment_overdue",
        result: "denied",
      }),
    );
    throw new AppError("forbidden", ENROLMENT_OVERDUE_MESSAGE);
  }
  return openTicket(
    { userId: account.id, email: account.email, stage: decision.stage, authMethod: "password", skippedBy: decision.skippedBy },
    ctx,
    now,
  );
}

async function openTicket(
  t: { userId: string; email: string; stage: LoginStage; authMethod: string; skippedBy?: string },
  ctx: Actor,
  now: Date,
  credentialId?: string,
): Promise<{ ticket: string; stage: LoginStage }> {
  const ticket = await getDb().$transaction(async (tx) => {
    const actor = { ...ctx, id: t.userId, email: t.email };
    const subject = { id: t.userId, email: t.email };
    if (credentialId) {
      await recordAuditEvent(tx, {
        actor,
        subject,
        action: "login.credential",
        result: "success",
        details: { service: "WebUI", credentialId },
      });
    }
    if (t.skippedBy)
      await recordAuditEvent(tx, { actor, subject, action: "login.2fa.skipped", result: "success", details: { by: t.skippedBy } });
    return createLoginTicket(
      tx,
      { userId: t.userId, stage: t.stage, authMethod: t.authMethod, credentialId, ip: ctx.ip, userAgent: ctx.userAgent },
      now,
    );
  });
  return { ticket, stage: t.stage };
}
