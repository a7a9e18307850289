import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { sha256Hex, randomToken } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { hashPassword } from "@/lib/passwords/hash-password";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { reserveSetupAttempt } from "@/lib/setup/reserve-setup-attempt";
import { insertUser } from "@/lib/users/create-user";

const SETUP_LIFETIME_MS = 60 * 60 * 1000;
const SETUP_ACTOR: Actor = { email: "setup-link" };
const NO_LONGER_VALID = messageKey("errors.auth.setupLinkInvalid");

export async function adminExists(): Promise<boolean> {
  return (await getDb().user.count({ where: { role: "admin" } })) > 0;
}

/**
 * When no admin exists, issues a fresh one-hour, single-use setup token (replacing unused older
 * ones) and returns the URL to print; null when an admin already exists.
 */
export async function issueSetupLink(publicUrl: string, now = new Date()): Promise<string | null> {
  if (await adminExists()) return null;
  const token = randomToken();
  await getDb().$transaction(async (tx) => {
    await tx.oneTimeToken.deleteMany({ where: { purpose: "setup", usedAt: null } });
    await tx.oneTimeToken.create({
      data: { purpose: "setup", tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + SETUP_LIFETIME_MS) },
    });
    await recordAuditEvent(tx, { actor: { email: "system" }, action: "setup.link.issue", result: "success" });
  });
  return `${publicUrl}/setup/${token}`;
}

/** True when the token can still be used: unused, unexpired, and no admin exists yet. */
export async function isSetupTokenUsable(token: string, now = new Date()): Promise<boolean> {
  if (token.length > 128) return false;
  const row = await getDb().oneTimeToken.findUnique({ where: { tokenHash: sha256Hex(token) } });
  return !!row && row.purpose === "setup" && !row.usedAt && !!row.expiresAt && row.expiresAt > now && !(await adminExists());
}

/**
 * Consumes the token and creates the first admin, creating their domain when needed. The cheap
 * checks come first (attempts per IP, then the token and that no admin exists), so that no
 * request without a usable link ever costs an argon2 hash.
 */
export async function completeSetup(
  token: string,
  input: { email: string; displayName: string; password: string },
  context: Pick<Actor, "ip" | "userAgent">,
  now = new Date(),
  hash: (password: string) => Promise<string> = hashPassword,
) {
  if (!(await reserveSetupAttempt(context.ip ?? "", now))) {
    throw new AppError("rate_limited", messageKey("errors.auth.setupRateLimited"));
  }
  if (!(await isSetupTokenUsable(token, now))) throw new AppError("expired", NO_LONGER_VALID);
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) throw new AppError("invalid_input", problem, { password: [problem] });
  const passwordHash = await hash(input.password);
  return getDb().$transaction(async (tx) => {
    // The conditional update is the single-use guard: only one request can flip usedAt.
    const claimed = await tx.oneTimeToken.updateMany({
      where: { tokenHash: sha256Hex(token), purpose: "setup", usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1 || (await tx.user.count({ where: { role: "admin" } })) > 0) {
      throw new AppError("expired", NO_LONGER_VALID);
    }
    const actor = { ...SETUP_ACTOR, ...context };
    const admin = await insertUser(tx, { ...input, role: "admin", createDomain: true }, passwordHash, actor);
    await recordAuditEvent(tx, { actor, subject: admin, action: "setup.complete", result: "success" });
    return admin;
  });
}
