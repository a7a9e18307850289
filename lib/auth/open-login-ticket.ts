import { recordAuditEvent, type Actor, type AuditInput } from "@/lib/audit/record-audit-event";
import { openSession, type OpenedSession } from "@/lib/auth/complete-sign-in";
import { createLoginTicket, type LoginStage } from "@/lib/auth/login-ticket";
import { getDb } from "@/lib/db/client";

export type TicketStep = { ticket: string; stage: LoginStage };
/** The step asked nothing more and opened the session itself (null: the account was disabled meanwhile). */
export type SessionStep = { stage: "signed_in"; session: OpenedSession | null };
type SignedInStep = { userId: string; email: string; stage: LoginStage; authMethod: string; skippedBy?: string };

/**
 * Opens the login ticket of a first step that succeeded (password, WebUI credential, passkey),
 * with that step's audit rows in the same transaction: the ticket exists only if they were written.
 */
export async function openLoginTicket(
  t: SignedInStep,
  ctx: Actor,
  now: Date,
  credentialId?: string,
  stepAudit?: AuditInput,
): Promise<TicketStep> {
  return (await openLoginStep(t, ctx, now, { credentialId, stepAudit, whenReady: "ticket" })) as TicketStep;
}

/**
 * openLoginTicket, but with `whenReady: "session"` a step that leaves nothing to ask opens the
 * session instead, in that same transaction (no ticket written only to be taken back by the next
 * request).
 */
export async function openLoginStep(
  t: SignedInStep,
  ctx: Actor,
  now: Date,
  { credentialId, stepAudit, whenReady }: { credentialId?: string; stepAudit?: AuditInput; whenReady: "ticket" | "session" },
): Promise<TicketStep | SessionStep> {
  return getDb().$transaction(async (tx): Promise<TicketStep | SessionStep> => {
    const actor = { ...ctx, id: t.userId, email: t.email };
    const subject = { id: t.userId, email: t.email };
    if (stepAudit) await recordAuditEvent(tx, stepAudit);
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
    if (t.stage === "ready" && whenReady === "session") {
      return { stage: "signed_in", session: await openSession(tx, { userId: t.userId, authMethod: t.authMethod, credentialId }, ctx, now) };
    }
    const ticket = await createLoginTicket(
      tx,
      { userId: t.userId, stage: t.stage, authMethod: t.authMethod, credentialId, ip: ctx.ip, userAgent: ctx.userAgent },
      now,
    );
    return { ticket, stage: t.stage };
  });
}
