import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { credentialAdmits } from "@/lib/credentials/credential-rules";
import { getDb, type Tx } from "@/lib/db/client";

// AAL2-style limits (NIST 800-63B rev 3): 12 hours absolute, 30 minutes idle.
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
// lastSeenAt is written at most this often, so browsing does not write on every request.
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * Sessions opened with a permanent auth link (lib/auth-links/redeem-auth-link.ts). Like a service
 * credential, such a link skipped the second factor: its sessions never get admin rights and
 * start without a fresh proof, so account settings still ask for the password or a code.
 */
export const PERMANENT_LINK_AUTH_METHOD = "permanent_link";
/** A password, then a passkey as the second step (a passkey alone, passwordless, is "passkey"). */
export const PASSWORD_AND_PASSKEY = "password_passkey";

/** Whether a session's way in skipped the second factor (a service credential or a permanent link). */
export function skippedSecondFactor(authMethod: string): boolean {
  return authMethod === "credential" || authMethod === PERMANENT_LINK_AUTH_METHOD;
}

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: "admin" | "user";
  sessionId: string;
  /** How the session was opened: "credential" sessions skipped the second factor. */
  authMethod: string;
  /** Last fresh proof of identity (see lib/auth/step-up.ts); absent or null means none. */
  verifiedAt?: Date | null;
  /** Language and theme choices (lib/i18n): the person's own, and their domain's default language. */
  preferences?: { locale: string | null; theme: string | null; domainLocale: string | null };
  /** When the session was last counted as active (see touchSession). */
  lastSeenAt?: Date;
};

/**
 * Counts a request as the person's activity: moves the session's idle clock (at most once a
 * minute, to spare the database a write per request).
 */
export async function touchSession(user: SessionUser, now = new Date()): Promise<void> {
  if (user.lastSeenAt && now.getTime() - user.lastSeenAt.getTime() <= TOUCH_EVERY_MS) return;
  await getDb().session.updateMany({ where: { id: user.sessionId }, data: { lastSeenAt: now } });
}

/** Creates a session row; returns the raw id for the cookie (the row keeps its hash). */
export async function createSession(
  tx: Tx,
  input: { userId: string; authMethod: string; credentialId?: string | null; ip?: string; userAgent?: string },
  now = new Date(),
): Promise<string> {
  const raw = randomToken();
  await tx.session.create({
    data: {
      id: sha256Hex(raw),
      userId: input.userId,
      authMethod: input.authMethod,
      credentialId: input.credentialId ?? null,
      ip: (input.ip ?? "").slice(0, 64),
      userAgent: (input.userAgent ?? "").slice(0, 512),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      // Signing in is a proof; a service credential or a permanent link is not one.
      verifiedAt: skippedSecondFactor(input.authMethod) ? null : now,
    },
  });
  return raw;
}

/**
 * The signed-in user behind a raw session id, or null if the session is gone, stale or the user is
 * not active. A session opened with a service credential is also checked against that credential
 * on every request: still there, enabled, unexpired, and admitting WebUI from `request.ip` (the
 * client address of this request, not the one it signed in from). A failed check ends the session.
 * `request.activity: false` marks a read the browser makes on its own (a live list's timer): it is
 * checked like any other but does not count as activity, so an open tab cannot hold off the idle
 * timeout.
 */
export async function findActiveSession(
  rawSessionId: string,
  now = new Date(),
  request: { ip?: string; activity?: boolean } = {},
): Promise<SessionUser | null> {
  if (!rawSessionId || rawSessionId.length > 128) return null;
  const db = getDb();
  const id = sha256Hex(rawSessionId);
  const row = await db.session.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          displayName: true,
          role: true,
          status: true,
          locale: true,
          theme: true,
          domain: { select: { defaultLocale: true } },
        },
      },
    },
  });
  if (!row) return null;
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (
    row.expiresAt <= now ||
    idleFor > SESSION_IDLE_MS ||
    row.user.status !== "active" ||
    ((row.authMethod === "credential" || row.credentialId) && !(await credentialStillAdmits(row, request.ip ?? "", now)))
  ) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  const { user } = row;
  // A session that skipped the second factor (service credential, permanent link) never gets admin rights.
  const role = user.role === "admin" && !skippedSecondFactor(row.authMethod) ? "admin" : "user";
  const found: SessionUser = {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role,
    sessionId: id,
    authMethod: row.authMethod,
    verifiedAt: row.verifiedAt,
    preferences: { locale: user.locale, theme: user.theme, domainLocale: user.domain.defaultLocale },
    lastSeenAt: row.lastSeenAt,
  };
  if (request.activity !== false) await touchSession(found, now);
  return found;
}

export async function deleteSessionByRawId(rawSessionId: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: sha256Hex(rawSessionId) } });
}

/**
 * The sign-in rule again, for the credential behind a session. Prisma resolves an `include` with a
 * second SELECT anyway, so this indexed lookup costs the same round trip a relation would, and
 * only sessions opened with a credential pay it.
 */
async function credentialStillAdmits(session: { userId: string; credentialId: string | null }, ip: string, now: Date): Promise<boolean> {
  if (!session.credentialId) return false;
  const credential = await getDb().credential.findUnique({
    where: { id: session.credentialId },
    select: { userId: true, enabled: true, expiresAt: true, services: true, allowedIpRanges: true },
  });
  return !!credential && credential.userId === session.userId && credentialAdmits(credential, { service: "WebUI", ip }, now);
}
