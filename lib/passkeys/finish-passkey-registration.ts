import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { authenticatorName } from "@/lib/passkeys/authenticator-names";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { log } from "@/lib/log/logger";
import {
  MAX_PASSKEYS,
  SUPPORTED_ALGORITHMS,
  passkeyName,
  passkeyRefused,
  registrationResponseSchema,
  expectedAnswer,
} from "@/lib/passkeys/passkey-rules";
import { answeredChallenge, takeChallenge } from "@/lib/passkeys/webauthn-challenges";

export type PasskeyView = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  aaguid: string;
  /** The provider or key model, where the AAGUID is a known one (lib/passkeys/authenticator-names.ts). */
  authenticator: string | null;
  synced: boolean;
};

/**
 * Checks the browser's answer to startPasskeyRegistration and stores the passkey. The challenge
 * is taken first, so an answer counts once whatever follows; a credential id that any account
 * already has is refused (the unique index decides, also between two instances). The audit row
 * goes in the same transaction as the passkey.
 */
export async function finishPasskeyRegistration(
  userId: string,
  input: { name: unknown; response: unknown },
  actor: Actor,
  now = new Date(),
): Promise<PasskeyView> {
  const name = passkeyName(input.name);
  const parsed = registrationResponseSchema.safeParse(input.response);
  if (!parsed.success) throw passkeyRefused();
  const response = parsed.data;
  const challenge = answeredChallenge(response.response.clientDataJSON);
  const db = getDb();
  const refuse = async (reason: string) => {
    await db.$transaction(async (tx) => {
      const subject = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
      await recordAuditEvent(tx, {
        actor,
        subject: subject ?? { id: userId },
        action: "passkey.register",
        result: "failure",
        details: { reason },
      });
    });
    return passkeyRefused();
  };

  if (!(await db.$transaction((tx) => takeChallenge(tx, challenge, "register", userId, now)))) throw await refuse("challenge");
  let info;
  try {
    const result = await verifyRegistrationResponse({
      response: response as Parameters<typeof verifyRegistrationResponse>[0]["response"],
      ...expectedAnswer(challenge),
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
    if (!result.verified) throw new Error("not verified");
    info = result.registrationInfo;
  } catch (e) {
    log.info("passkey.register_refused", { reason: (e as Error).message });
    throw await refuse("verification");
  }

  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, _count: { select: { passkeys: true } } },
      });
      if (!user) throw new AppError("not_found", messageKey("errors.passkeys.notFound"));
      if (user._count.passkeys >= MAX_PASSKEYS)
        throw new AppError("conflict", messageKey("errors.passkeys.tooMany", { max: MAX_PASSKEYS }));
      const passkey = await tx.passkey.create({
        data: {
          userId,
          credentialId: info.credential.id,
          publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
          counter: BigInt(info.credential.counter),
          transports: (info.credential.transports ?? []).join(","),
          aaguid: info.aaguid,
          deviceType: info.credentialDeviceType,
          backedUp: info.credentialBackedUp,
          name,
          createdAt: now,
        },
      });
      await recordAuditEvent(tx, {
        actor,
        subject: user,
        action: "passkey.register",
        result: "success",
        details: { passkeyId: passkey.id, name, aaguid: info.aaguid, synced: info.credentialDeviceType === "multiDevice" },
      });
      return viewOf(passkey);
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") {
      await refuse("credential_in_use");
      throw new AppError("conflict", messageKey("errors.passkeys.alreadyRegistered"));
    }
    throw e;
  }
}

export function viewOf(p: {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  aaguid: string;
  deviceType: string;
}): PasskeyView {
  return {
    id: p.id,
    name: p.name,
    createdAt: p.createdAt,
    lastUsedAt: p.lastUsedAt,
    aaguid: p.aaguid,
    authenticator: authenticatorName(p.aaguid),
    synced: p.deviceType === "multiDevice",
  };
}
