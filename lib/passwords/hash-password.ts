import { hash, verify } from "@node-rs/argon2";

// argon2id at the OWASP/ASVS floor (m = 19 MiB, t = 2, p = 1). Parameters live in the encoded
// hash, so raising them later still verifies old hashes.
const ARGON2ID = 2;
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

// Verifications run by this process. Tests read it to show that a burst of guesses runs a bounded
// number of hashes, and that an unknown address runs as many as a known one.
let verifications = 0;
export const passwordVerificationCount = () => verifications;

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

// A real hash of a random password, verified when the account does not exist, so that an unknown
// address costs the same time as a wrong password.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await decoy, password);
  return false;
}
