import { consumeReadyTicket } from "@/lib/auth/login-ticket";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { recordSignInSuccess } from "@/lib/throttle/record-sign-in-result";
import { createSession } from "@/lib/sessions/session-store";
import { recordSamlSession } from "@/lib/saml/saml-session";

/** Turns a ready login ticket into a session (called by next-auth's authorize). */
export async function completeSignIn(
  ticket: string,
  ctx: Actor,
  now = new Date(),
): Promise<{ userId: string; email: string; sessionId: string } | null> {
  return getDb().$transaction(async (tx) => {
    const taken = await consumeReadyTicket(tx, ticket, now);
    if (!taken) return null;
    const { userId, authMethod, credentialId } = taken;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, status: true } });
    if (!user || user.status !== "active") return null;
    const sessionId = await createSession(tx, { userId, authMethod, credentialId, ip: ctx.ip, userAgent: ctx.userAgent }, now);
    if (taken.saml) await recordSamlSession(tx, sessionId, taken.saml);
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
    await recordSignInSuccess(tx, { email: user.email, userId });
    await recordAuditEvent(tx, {
      actor: { ...ctx, id: user.id, email: user.email },
      subject: user,
      action: "session.create",
      result: "success",
      // The way in, for the person's own "Recent activity".
      details: { method: authMethod },
    });
    return { userId, email: user.email, sessionId };
  });
}
