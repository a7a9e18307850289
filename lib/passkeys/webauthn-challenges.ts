import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";

// Every WebAuthn ceremony signs a challenge we issued. A registration's or a second step's lives in
// the database, not in one process's memory, so the instance that answers need not be the one that
// asked; each is taken once (a DELETE that must match it, its purpose, its account and its
// lifetime), so a replayed response finds nothing, even when two instances receive it at the same
// moment. Passwordless challenges are written nowhere until answered: passwordless-challenge.ts.

export type ChallengePurpose = "register" | "authenticate";

/** Browsers give a ceremony about this long by default; a challenge outlives it a little. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** A new challenge (base64url of 32 random bytes) for `userId`'s registration or second step. */
export async function issueChallenge(tx: Tx, purpose: ChallengePurpose, userId: string, now = new Date()): Promise<string> {
  const challenge = randomBytes(32).toString("base64url");
  // Expired ones are refused anyway; this keeps the table small without a job of its own.
  await tx.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  await tx.webAuthnChallenge.create({ data: { challenge, purpose, userId, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) } });
  return challenge;
}

/** Takes the challenge once: true only for the first caller, within its lifetime, for its purpose and account. */
export async function takeChallenge(
  tx: Tx,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string,
  now = new Date(),
): Promise<boolean> {
  if (!challenge || challenge.length > 128) return false;
  const taken = await tx.webAuthnChallenge.deleteMany({ where: { challenge, purpose, userId, expiresAt: { gt: now } } });
  return taken.count === 1;
}

/** The challenge a browser answered, read from its clientDataJSON (checked again by the verifier). */
export function answeredChallenge(clientDataJSON: unknown): string {
  if (typeof clientDataJSON !== "string" || clientDataJSON.length > 4096) return "";
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" ? data.challenge : "";
  } catch {
    return "";
  }
}
