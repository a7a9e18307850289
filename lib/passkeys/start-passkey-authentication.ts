import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { getDb } from "@/lib/db/client";
import { relyingParty } from "@/lib/passkeys/passkey-rules";
import { transportsOf } from "@/lib/passkeys/start-passkey-registration";
import { mintPasswordlessChallenge } from "@/lib/passkeys/passwordless-challenge";
import { issueChallenge } from "@/lib/passkeys/webauthn-challenges";

/**
 * The options for navigator.credentials.get(). With `userId` (the second step of a sign-in whose
 * password was right) they name that account's passkeys; without (passwordless), they name none
 * and the authenticator offers its discoverable passkeys for this site. User verification is
 * required either way: the passkey stands for "something you have" and "something you are/know".
 */
export async function startPasskeyAuthentication(userId: string | null, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = (challenge: string, passkeys: { credentialId: string; transports: string }[]) =>
    generateAuthenticationOptions({
      rpID: relyingParty().id,
      challenge: Buffer.from(challenge, "base64url"),
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
      userVerification: "required",
    });
  // Passwordless: asked for by every login page view, so nothing is written (see passwordless-challenge.ts).
  if (!userId) return options(mintPasswordlessChallenge(now), []);
  return getDb().$transaction(async (tx) => {
    const passkeys = await tx.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
    return options(await issueChallenge(tx, "authenticate", userId, now), passkeys);
  });
}
