import { consumeReadyTicket } from "@/lib/auth/login-ticket";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb, type Tx } from "@/lib/db/client";
import { clearThrottle } from "@/lib/throttle/login-throttle";
import { createSession } from "@/lib/sessions/session-store";
import { recordSamlSession } from "@/lib/saml/saml-session";

export type OpenedSession = { userId: string; email: string; role: string; sessionId: string };
/** A sign-in with nothing left to ask: who, and how they proved it. */
export type ReadySignIn = { userId: string; authMethod: string; credentialId?: string | null; saml?: string | null };

/** Turns a ready login ticket into a session (called by next-auth's authorize). */
export async function completeSignIn(ticket: string, ctx: Actor, now = new Date()): Promise<OpenedSession | null> {
  return getDb().$transaction(async (tx) => {
    const taken = await consumeReadyTicket(tx, ticket, now);
    return taken ? openSession(tx, taken, ctx, now) : null;
  });
}

/**
 * Opens the session of a ready sign-in, in the caller's transaction: a spent ticket's (above) or
 * the password step's own when it asks nothing more (lib/auth/open-login-ticket.ts). Null when the
 * account is no longer active.
 */
export async function openSession(tx: Tx, ready: ReadySignIn, ctx: Actor, now: Date): Promise<OpenedSession | null> {
  const { userId, authMethod, credentialId = null } = ready;
  // Only an active account signs in; its last sign-in and failure count are written by the same
  // statement that checks it (a ticket stays spent either way).
  const [user] = await tx.user.updateManyAndReturn({
    where: { id: userId, status: "active" },
    data: { lastLoginAt: now, failedLoginCount: 0 },
    select: { id: true, email: true, role: true },
  });
  if (!user) return null;
  const sessionId = await createSession(tx, { userId, authMethod, credentialId, ip: ctx.ip, userAgent: ctx.userAgent }, now);
  if (ready.saml) await recordSamlSession(tx, sessionId, ready.saml);
  await clearThrottle(tx, user.email);
  await recordAuditEvent(tx, {
    actor: { ...ctx, id: user.id, email: user.email },
    subject: { id: user.id, email: user.email },
    action: "session.create",
    result: "success",
    // The way in, for the person's own "Recent activity".
    details: { method: authMethod },
  });
  return { userId, email: user.email, role: user.role, sessionId };
}
