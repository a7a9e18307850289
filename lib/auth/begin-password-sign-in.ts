import type { Actor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decideSecondFactor } from "@/lib/auth/decide-second-factor";
import { createLoginTicket, type LoginStage } from "@/lib/auth/login-ticket";
import { INVALID_CREDENTIALS_MESSAGE, verifyAccountPassword } from "@/lib/auth/verify-account-password";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkThrottle } from "@/lib/throttle/login-throttle";

export const ENROLMENT_OVERDUE_MESSAGE =
  "Your account needs two-factor authentication, and the time to set it up has passed. Ask an administrator for an auth link.";

/**
 * The password step of web sign-in. On success it opens a login ticket whose stage says what is
 * still missing before a session may be created: "otp", "enrol", or nothing ("ready").
 */
export async function beginPasswordSignIn(
  input: { email: string; password: string; trustedDeviceToken?: string },
  ctx: Actor,
  now = new Date(),
): Promise<{ ticket: string; stage: LoginStage }> {
  const ip = ctx.ip ?? "";
  const verdict = await checkThrottle({ email: input.email, ip }, now);
  if (!verdict.allowed) {
    throw new AppError("rate_limited", `Too many attempts. Wait ${verdict.retryAfterSeconds} seconds and try again.`);
  }
  const account = await verifyAccountPassword(input.email, input.password, { ...ctx, service: "WebUI" }, now);
  if (!account) throw new AppError("invalid_credentials", INVALID_CREDENTIALS_MESSAGE);

  const decision = await decideSecondFactor({ userId: account.id, domainId: account.domainId, ip, trustedDeviceToken: input.trustedDeviceToken }, now);
  const db = getDb();
  if ("refused" in decision) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actor: { ...ctx, id: account.id, email: account.email }, subject: account, action: "login.2fa.enrolment_overdue", result: "denied" }),
    );
    throw new AppError("forbidden", ENROLMENT_OVERDUE_MESSAGE);
  }
  const ticket = await db.$transaction(async (tx) => {
    if (decision.skippedBy) {
      await recordAuditEvent(tx, {
        actor: { ...ctx, id: account.id, email: account.email },
        subject: account,
        action: "login.2fa.skipped",
        result: "success",
        details: { by: decision.skippedBy },
      });
    }
    return createLoginTicket(tx, { userId: account.id, stage: decision.stage, ip, userAgent: ctx.userAgent }, now);
  });
  return { ticket, stage: decision.stage };
}
