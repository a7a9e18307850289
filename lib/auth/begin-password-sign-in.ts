import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { loadSignInFacts } from "@/lib/auth/load-sign-in-facts";
import { decideSecondFactor } from "@/lib/two-factor/decide-second-factor";
import { openLoginStep, type SessionStep, type TicketStep } from "@/lib/auth/open-login-ticket";
import {
  checkAccountPassword,
  INVALID_CREDENTIALS_MESSAGE,
  passwordCheckAudit,
  recordPasswordCheck,
} from "@/lib/auth/verify-account-password";
import { verifyServiceCredential } from "@/lib/credentials/verify-credential";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { releaseAttempt, reserveAttemptOrThrow } from "@/lib/throttle/reserve-attempt";

type PasswordStepInput = { email: string; password: string; trustedDeviceToken?: string };

export const ENROLMENT_OVERDUE_MESSAGE = messageKey("errors.enrolmentOverdue");
export const SAML_ONLY_MESSAGE = messageKey("errors.saml.samlOnly");

/**
 * The password step of web sign-in. The secret may be the account's password or a service
 * credential scoped to WebUI (which, as in Carbonio, is not asked for a second factor). On success
 * it opens a login ticket whose stage says what is still missing before a session may be created:
 * "otp", "enrol", or nothing ("ready"). With `whenReady: "session"`, nothing left to ask opens the
 * session in the same transaction instead (lib/auth/sign-in-with-password.ts).
 */
export async function beginPasswordSignIn(input: PasswordStepInput, ctx: Actor, now?: Date): Promise<TicketStep>;
export async function beginPasswordSignIn(
  input: PasswordStepInput,
  ctx: Actor,
  now: Date,
  whenReady: "ticket" | "session",
): Promise<TicketStep | SessionStep>;
export async function beginPasswordSignIn(
  input: PasswordStepInput,
  ctx: Actor,
  now = new Date(),
  whenReady: "ticket" | "session" = "ticket",
): Promise<TicketStep | SessionStep> {
  const ip = ctx.ip ?? "";
  // Counted before argon2 runs, so guesses sent at once cannot all slip past the throttle.
  const reservation = await reserveAttemptOrThrow({ email: input.email, ip }, now);
  const check = await checkAccountPassword(input.email, input.password);
  if (!check.account) {
    const credential = await verifyServiceCredential({ email: check.email, secret: input.password, service: "WebUI", ip }, now);
    if (credential) {
      await releaseAttempt(reservation);
      return openLoginStep({ userId: credential.userId, email: check.email, stage: "ready", authMethod: "credential" }, ctx, now, {
        credentialId: credential.credentialId,
        whenReady,
      });
    }
    await recordPasswordCheck(check, { ...ctx, service: "WebUI" }, now);
    throw new AppError("invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
  }
  await releaseAttempt(reservation);
  const account = check.account;
  // The right password's audit row goes with whatever this step writes next (one transaction).
  const passwordAudit = passwordCheckAudit(check, { ...ctx, service: "WebUI" });
  const facts = await loadSignInFacts(account.id, now);
  // A SAML-only domain keeps its people on their IdP; its administrators keep the password as the
  // break-glass way in (/login?method=password). Said only after a correct password.
  if (account.role !== "admin" && facts.samlOnly) {
    await recordAuditEvent(getDb() as unknown as Tx, passwordAudit);
    throw new AppError("forbidden", SAML_ONLY_MESSAGE);
  }

  const decision = await decideSecondFactor(
    { userId: account.id, domainId: account.domainId, ip, trustedDeviceToken: input.trustedDeviceToken, known: facts },
    now,
  );
  if ("refused" in decision) {
    await getDb().$transaction(async (tx) => {
      await recordAuditEvent(tx, passwordAudit);
      await recordAuditEvent(tx, {
        actor: { ...ctx, id: account.id, email: account.email },
        subject: account,
        action: "login.2fa.enrolment_overdue",
        result: "denied",
      });
    });
    throw new AppError("forbidden", ENROLMENT_OVERDUE_MESSAGE);
  }
  return openLoginStep(
    { userId: account.id, email: account.email, stage: decision.stage, authMethod: "password", skippedBy: decision.skippedBy },
    ctx,
    now,
    { stepAudit: passwordAudit, whenReady },
  );
}
