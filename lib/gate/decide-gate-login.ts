import { reportSignInOutcome } from "@/lib/activity/report-sign-in-outcome";
import { gateMethod } from "@/lib/activity/sign-in-outcome";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { checkAccountPassword } from "@/lib/auth/verify-account-password";
import { credentialAdmits } from "@/lib/credentials/credential-rules";
import { credentialLookupHash, looksGenerated } from "@/lib/credentials/credential-secret";
import { verifyServiceCredential } from "@/lib/credentials/verify-credential";
import { getDb } from "@/lib/db/client";
import { countDatabaseFault, countMetric } from "@/lib/metrics/count-metric";
import type { CredentialUseRecorder } from "@/lib/gate/credential-use-recorder";
import type { GateDecisionCache } from "@/lib/gate/gate-decision-cache";
import type { GateQueries } from "@/lib/gate/gate-queries";
import type { GateMetrics } from "@/lib/gate/gate-metrics";
import { errorFacts } from "@/lib/log/error-facts";
import { log } from "@/lib/log/logger";
import { ipInRanges } from "@/lib/net/cidr";
import type { Service } from "@/lib/services/services";
import { throttleKeysOf, waitFromCounters } from "@/lib/throttle/current-wait";
import { recordSignInFailure, recordSignInSuccess } from "@/lib/throttle/record-sign-in-result";
import { releaseAttempt, reserveAttempt } from "@/lib/throttle/reserve-attempt";
import { resolvePolicy } from "@/lib/two-factor/policies/resolve-policy";

/** One login the proxy asks about; already decoded and length-checked (parse-auth-http-request). */
export type GateLogin = { user: string; secret: string; service: Service; ip: string; via: string };

export type GateDecision =
  | { outcome: "ok"; email: string; userId: string }
  /** `waitSeconds` > 0 when the throttle refused the attempt before any secret was checked. */
  | { outcome: "refused"; waitSeconds: number }
  /** The database did not answer in time, or failed: never a yes. */
  | { outcome: "unavailable" };

export type GateContext = {
  cache: GateDecisionCache;
  uses: CredentialUseRecorder;
  metrics: GateMetrics;
  queries: GateQueries;
  /** Longest a decision may take before the answer is "temporary failure". */
  timeoutMs: number;
  now?: () => Date;
};

/**
 * The gate's decision (issue 12): the account is active and not locked, and either a credential
 * that is enabled, unexpired, scoped to the service and allowed from the client IP matches, or the
 * main password matches and the service's 2FA policy lets a password through (policy 0, or the
 * client IP in the policy's trusted ranges). Throttled per typed address and per IP with the web.
 */
export async function decideGateLogin(login: GateLogin, ctx: GateContext): Promise<GateDecision> {
  const now = ctx.now?.() ?? new Date();
  const key = ctx.cache.keyOf({ user: login.user, secret: login.secret, service: login.service, ip: login.ip });
  const hit = ctx.cache.get(key);
  if (hit) {
    if (hit.credentialId) ctx.uses.record(hit.credentialId, now, login.ip);
    countSuccess(login, ctx, now);
    return { outcome: "ok", email: hit.email, userId: hit.userId };
  }
  const epoch = ctx.cache.currentEpoch;
  let decision: Uncached;
  try {
    decision = await withTimeout(decideUncached(login, ctx, now), ctx.timeoutMs);
  } catch (e) {
    log.error("gate.decision_failed", { service: login.service, ...errorFacts(e) });
    countDatabaseFault(e);
    decision = { outcome: "unavailable" };
  }
  if (decision.outcome === "ok") {
    countSuccess(login, ctx, now);
    const cached = { userId: decision.userId, email: decision.email, credentialId: decision.credentialId ?? null };
    ctx.cache.set(key, cached, epoch, decision.credentialExpiresAt ?? null);
    return { outcome: "ok", email: decision.email, userId: decision.userId };
  }
  ctx.metrics.count(login.service, decision.outcome);
  return decision;
}

/** A gate success is counted, not audited (a row per mail login would be a write per request). */
function countSuccess(login: GateLogin, ctx: GateContext, now: Date) {
  ctx.metrics.count(login.service, "ok");
  reportSignInOutcome({ method: gateMethod(login.service), result: "success" }, now);
}

/** What the cache needs besides the answer: the credential (for its last use) and its expiry. */
type Uncached = GateDecision & { credentialId?: string | null; credentialExpiresAt?: Date | null };

async function decideUncached(login: GateLogin, ctx: GateContext, now: Date): Promise<Uncached> {
  const email = login.user.trim().toLowerCase();
  const scope = { service: login.service, ip: login.ip };
  const generated = looksGenerated(login.secret);

  // The throttle is read before anything is checked (prepared statements, lib/gate/gate-queries.ts),
  // so a throttled address or IP costs no more than this read.
  const keys = throttleKeysOf({ email, ip: login.ip });
  const lookupHash = generated ? credentialLookupHash(login.secret) : null;
  const { credential: row, counters } = lookupHash
    ? await ctx.queries.generatedLogin(lookupHash, keys)
    : { credential: null, counters: await ctx.queries.throttleCounters(keys) };
  const wait = waitFromCounters(counters, keys[0], now);
  if (wait > 0) {
    countMetric({ name: "throttle_delay", seconds: wait });
    return { outcome: "refused", waitSeconds: wait };
  }

  // A 140-bit generated secret cannot be guessed, so its one lookup need not be reserved first:
  // this is the path a busy proxy takes.
  if (row && row.email === email && row.status === "active" && credentialAdmits(row, scope, now)) {
    ctx.uses.record(row.id, now, login.ip);
    return { outcome: "ok", email, userId: row.userId, credentialId: row.id, credentialExpiresAt: row.expiresAt };
  }

  // Everything else is counted before argon2 runs (lib/throttle/reserve-attempt.ts).
  const reserved = await reserveAttempt({ email, ip: login.ip }, now);
  if (!reserved.reserved) return { outcome: "refused", waitSeconds: reserved.retryAfterSeconds };

  // A chosen credential never has the generated shape (chosenPasswordProblem), so only look for one otherwise.
  const credential = generated ? null : await verifyServiceCredential({ email, secret: login.secret, ...scope }, now);
  if (credential) {
    await releaseAttempt(reserved.reservation);
    await getDb().$transaction((tx) => recordSignInSuccess(tx, { email, userId: credential.userId }));
    const { expiresAt } = await getDb().credential.findUniqueOrThrow({
      where: { id: credential.credentialId },
      select: { expiresAt: true },
    });
    return { outcome: "ok", email, userId: credential.userId, credentialId: credential.credentialId, credentialExpiresAt: expiresAt };
  }

  const check = await checkAccountPassword(email, login.secret);
  if (check.account) {
    const policy = await resolvePolicy(check.account.domainId, login.service);
    // The right password was typed, so it is no failure towards the lock; but unless the policy lets
    // a bare password through, it is refused exactly like a wrong one (mailcow's bug, issue 12).
    await releaseAttempt(reserved.reservation);
    if (policy.twoFactorPolicy === 0 || ipInRanges(login.ip, policy.trustedIpRanges)) {
      await getDb().$transaction((tx) => recordSignInSuccess(tx, { email, userId: check.account!.id }));
      return { outcome: "ok", email: check.account.email, userId: check.account.id, credentialId: null };
    }
    await auditFailure(login, check.email, check.account.id, "password_needs_second_factor", now, false);
    return { outcome: "refused", waitSeconds: 0 };
  }
  await auditFailure(login, check.email, check.userId, check.reason ?? "refused", now, check.reason === "wrong_password");
  return { outcome: "refused", waitSeconds: 0 };
}

async function auditFailure(login: GateLogin, email: string, userId: string | undefined, reason: string, now: Date, counts: boolean) {
  await getDb().$transaction(async (tx) => {
    if (counts) await recordSignInFailure(tx, { email, ip: login.ip, userId }, now);
    await recordAuditEvent(tx, {
      actor: { id: userId, email, ip: login.ip, userAgent: login.via },
      subject: { id: userId, email },
      action: "gate.login",
      result: "failure",
      details: { service: login.service, reason },
    });
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("gate decision timed out"), { code: "GATE_TIMEOUT" })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
