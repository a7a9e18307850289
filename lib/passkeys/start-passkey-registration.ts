import { randomBytes } from "node:crypto";
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { MAX_PASSKEYS, SUPPORTED_ALGORITHMS, relyingParty } from "@/lib/passkeys/passkey-rules";
import { issueChallenge } from "@/lib/passkeys/webauthn-challenges";

/**
 * The options for navigator.credentials.create() to add a passkey to `userId`: a discoverable
 * credential (so it can later sign in without the address) with user verification, no
 * attestation, and the account's existing passkeys excluded so one authenticator is not added twice.
 * The account's WebAuthn user handle is made here the first time: random bytes, never the address.
 */
export async function startPasskeyRegistration(userId: string, now = new Date()): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, displayName: true, webauthnUserId: true, passkeys: { select: { credentialId: true, transports: true } } },
    });
    if (!user) throw new AppError("not_found", messageKey("errors.passkeys.notFound"));
    if (user.passkeys.length >= MAX_PASSKEYS) throw new AppError("conflict", messageKey("errors.passkeys.tooMany", { max: MAX_PASSKEYS }));
    let handle = user.webauthnUserId;
    if (!handle) {
      handle = randomBytes(32).toString("base64url");
      await tx.user.update({ where: { id: userId }, data: { webauthnUserId: handle } });
    }
    const challenge = await issueChallenge(tx, "register", userId, now);
    const rp = relyingParty();
    return generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: user.email,
      userDisplayName: user.displayName || user.email,
      userID: Buffer.from(handle, "base64url"),
      challenge: Buffer.from(challenge, "base64url"),
      attestationType: "none",
      excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  });
}

type Transport = NonNullable<PublicKeyCredentialCreationOptionsJSON["excludeCredentials"]>[number]["transports"];

/** The stored comma-separated hints as the browser wants them. */
export function transportsOf(stored: string): Transport {
  return stored ? (stored.split(",") as Transport) : undefined;
}
