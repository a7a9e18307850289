import { z } from "zod";
import { sha256Hex } from "@/lib/crypto/tokens";
import { getDb, type Tx } from "@/lib/db/client";

// What the IdP called a SAML session (NameID, SessionIndex), kept beside our session so single
// logout works both ways: we name it in our LogoutRequest, and an IdP's LogoutRequest finds the
// sessions to end by it.

const facts = z.object({
  domainId: z.string().max(64),
  nameId: z.string().max(512),
  nameIdFormat: z.string().max(256),
  sessionIndex: z.string().max(256),
});
export type SamlSessionFacts = z.infer<typeof facts>;

export function serialiseSamlSession(f: SamlSessionFacts): string {
  return JSON.stringify(facts.parse(f));
}

/** Called with the session it belongs to, in the same transaction (lib/auth/complete-sign-in.ts). */
export async function recordSamlSession(tx: Tx, rawSessionId: string, json: string): Promise<void> {
  const parsed = facts.safeParse(JSON.parse(json));
  if (!parsed.success) return;
  await tx.samlSession.create({ data: { sessionId: sha256Hex(rawSessionId), ...parsed.data } });
}

export async function findSamlSession(rawSessionId: string): Promise<SamlSessionFacts | null> {
  const row = await getDb().samlSession.findUnique({ where: { sessionId: sha256Hex(rawSessionId) } });
  return row ? { domainId: row.domainId, nameId: row.nameId, nameIdFormat: row.nameIdFormat, sessionIndex: row.sessionIndex } : null;
}

/**
 * Ends the local sessions the IdP names: every SAML session of that NameID in that domain, or only
 * those of one SessionIndex when the request gives one. Returns the accounts whose sessions ended.
 */
export async function endSamlSessions(
  tx: Tx,
  input: { domainId: string; nameId: string; sessionIndexes: string[] },
): Promise<{ ended: number; users: { id: string; email: string }[] }> {
  const rows = await tx.samlSession.findMany({
    where: {
      domainId: input.domainId,
      nameId: input.nameId,
      ...(input.sessionIndexes.length ? { sessionIndex: { in: input.sessionIndexes } } : {}),
    },
    select: { sessionId: true, session: { select: { user: { select: { id: true, email: true } } } } },
  });
  if (!rows.length) return { ended: 0, users: [] };
  const ended = await tx.session.deleteMany({ where: { id: { in: rows.map((r) => r.sessionId) } } });
  const users = new Map(rows.map((r) => [r.session.user.id, r.session.user]));
  return { ended: ended.count, users: [...users.values()] };
}
