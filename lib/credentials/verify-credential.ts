import { credentialAdmits, MAX_CHOSEN_CREDENTIALS_PER_ACCOUNT, ALGORITHM_CHOSEN } from "@/lib/credentials/credential-rules";
import { credentialLookupHash, looksGenerated, MAX_CREDENTIAL_SECRET_INPUT } from "@/lib/credentials/credential-secret";
import { getDb } from "@/lib/db/client";
import { normaliseIp } from "@/lib/net/cidr";
import { verifyAgainstDecoy, verifyPassword } from "@/lib/passwords/hash-password";
import type { Service } from "@/lib/services/services";

export type CredentialCheck = { email: string; secret: string; service: Service; ip: string };

/**
 * Returns the account and credential when `secret` is an enabled, unexpired credential of that account scoped to `service`
 * and allowed from `ip`; records last use (time, IP). Null otherwise (no reason leaks).
 *
 * Generated secrets are found by one indexed HMAC lookup; chosen ones are argon2-verified against
 * the account's few (≤ 5) enabled chosen credentials for the service. Only an active account passes.
 * Callers audit the outcome and throttle failures; this function only answers.
 */
export async function verifyServiceCredential(
  check: CredentialCheck,
  now = new Date(),
): Promise<{ userId: string; credentialId: string } | null> {
  if (typeof check.email !== "string" || typeof check.secret !== "string" || typeof check.ip !== "string") return null;
  const email = check.email.trim().toLowerCase();
  if (email.length === 0 || email.length > 254) return null;
  if (check.secret.length === 0 || check.secret.length > MAX_CREDENTIAL_SECRET_INPUT) return null;
  const scope = { service: check.service, ip: check.ip };

  const match = looksGenerated(check.secret)
    ? await findGenerated(email, check.secret, scope, now)
    : await findChosen(email, check.secret, scope, now);
  if (!match) return null;

  // Recording the use also re-checks `enabled`, so a credential disabled a moment ago does not pass.
  const lastUsedIp = (normaliseIp(check.ip) ?? check.ip).slice(0, 64);
  const touched = await getDb().credential.updateMany({
    where: { id: match.credentialId, userId: match.userId, enabled: true },
    data: { lastUsedAt: now, lastUsedIp },
  });
  return touched.count === 1 ? match : null;
}

type Scope = { service: Service; ip: string };
type Match = { userId: string; credentialId: string };

const ruleColumns = { id: true, userId: true, enabled: true, expiresAt: true, services: true, allowedIpRanges: true } as const;

async function findGenerated(email: string, secret: string, scope: Scope, now: Date): Promise<Match | null> {
  const lookupHash = credentialLookupHash(secret);
  if (!lookupHash) return null;
  const row = await getDb().credential.findUnique({
    where: { lookupHash },
    select: { ...ruleColumns, user: { select: { email: true, status: true } } },
  });
  if (!row || row.user.email !== email || row.user.status !== "active") return null;
  return credentialAdmits(row, scope, now) ? { userId: row.userId, credentialId: row.id } : null;
}

async function findChosen(email: string, secret: string, scope: Scope, now: Date): Promise<Match | null> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, status: true } });
  const rows = user
    ? await db.credential.findMany({
        where: {
          userId: user.id,
          generated: false,
          algorithm: ALGORITHM_CHOSEN,
          enabled: true,
          OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        },
        select: { ...ruleColumns, passwordHash: true },
        orderBy: { createdAt: "desc" },
        take: MAX_CHOSEN_CREDENTIALS_PER_ACCOUNT,
      })
    : [];
  const candidates = rows.filter((row) => row.passwordHash && credentialAdmits(row, scope, now));
  let found: Match | null = null;
  for (const row of candidates) {
    if (await verifyPassword(row.passwordHash!, secret)) {
      found = { userId: row.userId, credentialId: row.id };
      break;
    }
  }
  // Without a candidate, spend one hash anyway, so timing does not tell which accounts have any.
  if (candidates.length === 0) await verifyAgainstDecoy(secret);
  return found && user?.status === "active" ? found : null;
}
