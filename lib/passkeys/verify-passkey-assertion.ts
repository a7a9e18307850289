import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb, type Tx } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { authenticationResponseSchema, expectedAnswer, passkeyRefused } from "@/lib/passkeys/passkey-rules";
import { transportsOf } from "@/lib/passkeys/start-passkey-registration";
import { spendPasswordlessChallenge } from "@/lib/passkeys/passwordless-challenge";
import { answeredChallenge, takeChallenge } from "@/lib/passkeys/webauthn-challenges";

export type VerifiedPasskey = { userId: string; email: string; passkeyId: string; name: string };

/**
 * Checks a browser's answer to startPasskeyAuthentication. `userId` is the account the challenge
 * was issued for (the second step of a sign-in) or null (passwordless: the passkey names the
 * account, and its user handle must agree). In order: the challenge is taken once; the passkey
 * is looked up by its credential id (and must be that account's); the signature, origin, RP id
 * and user verification are checked; then the signature counter must have grown, unless the
 * authenticator keeps none (0 before and after): a counter that did not grow means a cloned
 * authenticator or a replay, is refused and audited as such. The counter moves by
 * compare-and-set, so of two answers carrying the same counter only one passes.
 * Every refusal is the same error for the browser; the reason goes to the audit trail. Whether
 * the account may sign in at all (status, lock) is the sign-in's question, not this one's.
 */
export async function verifyPasskeyAssertion(
  input: { userId: string | null; response: unknown },
  actor: Actor,
  now = new Date(),
): Promise<VerifiedPasskey> {
  const parsed = authenticationResponseSchema.safeParse(input.response);
  if (!parsed.success) throw passkeyRefused();
  const response = parsed.data;
  const challenge = answeredChallenge(response.response.clientDataJSON);
  const db = getDb();
  const refuse = async (reason: string, subject?: { id: string; email: string }) => {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor,
        subject,
        action: "passkey.use",
        result: reason === "counter_regression" ? "denied" : "failure",
        details: { reason },
      }),
    );
    return passkeyRefused();
  };

  const forAccount = input.userId;
  const fresh = forAccount
    ? await db.$transaction((tx) => takeChallenge(tx, challenge, "authenticate", forAccount, now))
    : await spendPasswordlessChallenge(challenge, now);
  if (!fresh) throw await refuse("challenge");
  const passkey = await db.passkey.findUnique({
    where: { credentialId: response.id },
    select: {
      id: true,
      credentialId: true,
      name: true,
      publicKey: true,
      counter: true,
      transports: true,
      user: { select: { id: true, email: true, webauthnUserId: true } },
    },
  });
  if (!passkey || (input.userId !== null && passkey.user.id !== input.userId)) throw await refuse("unknown_passkey");
  if (input.userId === null && response.response.userHandle !== passkey.user.webauthnUserId)
    throw await refuse("user_handle", passkey.user);

  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: response as Parameters<typeof verifyAuthenticationResponse>[0]["response"],
      ...expectedAnswer(challenge),
      // The library's own counter check is replaced by the one below, which also audits.
      credential: {
        id: passkey.credentialId,
        publicKey: Buffer.from(passkey.publicKey, "base64url"),
        counter: 0,
        transports: transportsOf(passkey.transports),
      },
    });
    if (!result.verified) throw new Error("not verified");
    newCounter = result.authenticationInfo.newCounter;
  } catch (e) {
    log.info("passkey.use_refused", { reason: (e as Error).message });
    throw await refuse("verification", passkey.user);
  }

  const stored = passkey.counter;
  const next = BigInt(newCounter);
  if ((stored > BigInt(0) || next > BigInt(0)) && next <= stored) throw await refuse("counter_regression", passkey.user);
  const used = await db.$transaction(async (tx: Tx) => {
    const moved = await tx.passkey.updateMany({ where: { id: passkey.id, counter: stored }, data: { counter: next, lastUsedAt: now } });
    if (moved.count !== 1) return false;
    await recordAuditEvent(tx, {
      actor,
      subject: passkey.user,
      action: "passkey.use",
      result: "success",
      details: { passkeyId: passkey.id, name: passkey.name },
    });
    return true;
  });
  if (!used) throw await refuse("counter_regression", passkey.user);
  return { userId: passkey.user.id, email: passkey.user.email, passkeyId: passkey.id, name: passkey.name };
}
