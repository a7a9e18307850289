import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { getDb } from "@/lib/db/client";
import { relyingParty } from "@/lib/passkeys/passkey-rules";
import { transportsOf } from "@/lib/passkeys/start-passkey-registration";
import { issueChallenge } from "@/lib/passkeys/webauthn-challenges";

/**
 * The options for navigator.credentials.get(). With `userId` (the second step of a sign-in whose
 * password was right) they name that account's passkeys; without (passwordless), they name none
 * and the authenticator offers its discoverable passkeys for this site. User verification is
 * required either way: the passkey stands for "something you have" and "something you are/know".
 */
export async function startPasskeyAuthentication(userId: string | null, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return getDb().$transaction(async (tx) => {
    const passkeys = userId ? await tx.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } }) : [];
    const challenge = await issueChallenge(tx, "authenticate", userId, now);
    return generateAuthenticationOptions({
      rpID: relyingParty().id,
      challenge: Buffer.from(challenge, "base64url"),
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
      userVerification: "required",
    });
  });
}
