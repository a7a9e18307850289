import { recordAuditEvent, type Actor, type AuditInput } from "@/lib/audit/record-audit-event";
import { createLoginTicket, type LoginStage } from "@/lib/auth/login-ticket";
import { getDb } from "@/lib/db/client";

/**
 * Opens the login ticket of a first step that succeeded (password, WebUI credential, passkey),
 * with that step's audit rows in the same transaction: the ticket exists only if they were written.
 */
export async function openLoginTicket(
  t: { userId: string; email: string; stage: LoginStage; authMethod: string; skippedBy?: string },
  ctx: Actor,
  now: Date,
  credentialId?: string,
  stepAudit?: AuditInput,
): Promise<{ ticket: string; stage: LoginStage }> {
  const ticket = await getDb().$transaction(async (tx) => {
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
    return createLoginTicket(
      tx,
      { userId: t.userId, stage: t.stage, authMethod: t.authMethod, credentialId, ip: ctx.ip, userAgent: ctx.userAgent },
      now,
    );
  });
  return { ticket, stage: t.stage };
}
