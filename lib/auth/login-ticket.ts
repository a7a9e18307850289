import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { getDb, type Tx } from "@/lib/db/client";

// A sign-in in progress, between the password step and the session. The browser holds the raw
// ticket in an HttpOnly cookie; the server keeps its hash, the stage, and a short expiry, so later
// steps (the OTP step) cannot be reached or replayed on their own.
export const LOGIN_TICKET_TTL_MS = 5 * 60 * 1000;
// A new hire arriving by auth link may still have to install an authenticator app and enrol it on
// the ticket: their ticket lives longer (createLoginTicket's ttlMs). The link itself is spent.
export const LINK_TICKET_TTL_MS = 30 * 60 * 1000;
export type LoginStage = "otp" | "enrol" | "ready";
const SWEEP_EVERY_MS = 60 * 1000;
let lastSweep = -Infinity;

export async function createLoginTicket(
  tx: Tx,
  input: {
    userId: string;
    stage: LoginStage;
    authMethod?: string;
    credentialId?: string;
    ip?: string;
    userAgent?: string;
    /** How long the ticket lives; LOGIN_TICKET_TTL_MS unless given (auth links: LINK_TICKET_TTL_MS). */
    ttlMs?: number;
    /** A SAML sign-in: the IdP's names for the session (lib/saml/saml-session.ts), JSON. */
    saml?: string;
  },
  now = new Date(),
): Promise<string> {
  const raw = randomToken();
  // Expired tickets are refused anyway (findLoginTicket, consumeReadyTicket); clearing them out is
  // housekeeping, done by one sign-in a minute per process rather than a write by every one.
  if (Math.abs(now.getTime() - lastSweep) >= SWEEP_EVERY_MS) {
    lastSweep = now.getTime();
    await tx.pendingLogin.deleteMany({ where: { expiresAt: { lt: now } } });
  }
  await tx.pendingLogin.create({
    data: {
      id: sha256Hex(raw),
      userId: input.userId,
      stage: input.stage,
      authMethod: input.authMethod ?? "password",
      credentialId: input.credentialId ?? null,
      saml: input.saml ?? null,
      ip: (input.ip ?? "").slice(0, 64),
      userAgent: (input.userAgent ?? "").slice(0, 512),
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.ttlMs ?? LOGIN_TICKET_TTL_MS)),
    },
  });
  return raw;
}

export async function findLoginTicket(raw: string | undefined, now = new Date()) {
  if (!raw || raw.length > 128) return null;
  const row = await getDb().pendingLogin.findUnique({ where: { id: sha256Hex(raw) } });
  return row && row.expiresAt > now ? row : null;
}

/** Moves a ticket from one stage to the next; false if it was not in `from` (used, expired, raced). */
export async function advanceLoginTicket(
  tx: Tx,
  raw: string,
  from: LoginStage,
  to: LoginStage,
  now = new Date(),
  authMethod?: string,
): Promise<boolean> {
  const where = { id: sha256Hex(raw), stage: from, expiresAt: { gt: now } };
  if (authMethod) {
    // A second factor given after SAML leaves the way in as "saml": single logout and the
    // session list go by it. Either this update or the next one moves the ticket, never both.
    const afterSaml = await tx.pendingLogin.updateMany({ where: { ...where, authMethod: "saml" }, data: { stage: to } });
    if (afterSaml.count === 1) return true;
  }
  const r = await tx.pendingLogin.updateMany({ where, data: { stage: to, ...(authMethod ? { authMethod } : {}) } });
  return r.count === 1;
}

/** Takes a ready ticket exactly once; returns its user and how they proved themselves, or null. */
export async function consumeReadyTicket(
  tx: Tx,
  raw: string,
  now = new Date(),
): Promise<{ userId: string; authMethod: string; credentialId: string | null; saml: string | null } | null> {
  if (!raw || raw.length > 128) return null;
  // One DELETE … RETURNING: only a ready, unexpired ticket is taken, and only by one caller.
  try {
    return await tx.pendingLogin.delete({
      where: { id: sha256Hex(raw), stage: "ready", expiresAt: { gt: now } },
      select: { userId: true, authMethod: true, credentialId: true, saml: true },
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2025") return null; // no such ticket, not ready, expired or taken
    throw error;
  }
}
