import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getKeys } from "@/lib/crypto/keys";
import { getDb } from "@/lib/db/client";
import { CHALLENGE_TTL_MS } from "@/lib/passkeys/webauthn-challenges";

// Passwordless challenges are asked for by anyone who opens the login page (the autofill asks on
// every view), so issuing one writes nothing: the challenge carries its own expiry and an HMAC
// under a key derived from AUTH_SECRET, which every instance shares. Only an answer, which is
// throttled per client IP, writes: a row that marks the challenge spent, keyed by the challenge,
// so the same answer replayed, here or on another instance at the same moment, finds it taken.
// The spent row expires with the challenge and is swept with the stored challenges.

const NONCE_BYTES = 16;
const EXPIRY_BYTES = 8;
const MAC_BYTES = 16;
const LENGTH = NONCE_BYTES + EXPIRY_BYTES + MAC_BYTES;
const SPENT = "passwordless_spent";

function mac(body: Buffer): Buffer {
  return createHmac("sha256", getKeys().hmac).update("gatehouse.passkey.passwordless\0").update(body).digest().subarray(0, MAC_BYTES);
}

/** A new passwordless challenge (base64url), valid for CHALLENGE_TTL_MS from `now`. */
export function mintPasswordlessChallenge(now = new Date()): string {
  const body = Buffer.alloc(NONCE_BYTES + EXPIRY_BYTES);
  randomBytes(NONCE_BYTES).copy(body);
  body.writeBigUInt64BE(BigInt(now.getTime() + CHALLENGE_TTL_MS), NONCE_BYTES);
  return Buffer.concat([body, mac(body)]).toString("base64url");
}

/** Its expiry when it is one of ours and still valid at `now`; null otherwise. */
function validExpiry(challenge: string, now: Date): Date | null {
  if (challenge.length > 64) return null;
  const raw = Buffer.from(challenge, "base64url");
  if (raw.length !== LENGTH || raw.toString("base64url") !== challenge) return null;
  const body = raw.subarray(0, NONCE_BYTES + EXPIRY_BYTES);
  if (!timingSafeEqual(mac(body), raw.subarray(NONCE_BYTES + EXPIRY_BYTES))) return null;
  const expiresAt = Number(body.readBigUInt64BE(NONCE_BYTES));
  // The MAC vouches for the expiry: no upper bound, so instances whose clocks differ a little agree.
  return expiresAt > now.getTime() ? new Date(expiresAt) : null;
}

/** True for the first answer to a valid, unexpired challenge of ours; false for anything else. */
export async function spendPasswordlessChallenge(challenge: string, now = new Date()): Promise<boolean> {
  const expiresAt = validExpiry(challenge, now);
  if (!expiresAt) return false;
  try {
    await getDb().webAuthnChallenge.create({ data: { challenge, purpose: SPENT, userId: null, expiresAt } });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return false; // spent already: a replay
    throw error;
  }
}
