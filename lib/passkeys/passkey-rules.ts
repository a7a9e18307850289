import { z } from "zod";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

// What every passkey ceremony shares: who the relying party is, what we ask of authenticators,
// and the limits on what a browser may send.

/** Shown by the browser and the authenticator next to the account's address. */
export const RP_NAME = "Gatehouse";
/** Passkeys per account: enough for a phone, a laptop and keys, few enough to list. */
export const MAX_PASSKEYS = 10;
export const MAX_PASSKEY_NAME = 64;
/** ES256 and RS256: what platform authenticators and security keys make. */
export const SUPPORTED_ALGORITHMS = [-7, -257];

export function relyingParty(): { id: string; name: string; origin: string } {
  const { rpId, origin } = getSettings().webauthn;
  return { id: rpId, name: RP_NAME, origin };
}

/** What every answer is checked against: our challenge, origin and RP id, and a verified user. */
export function expectedAnswer(challenge: string) {
  const rp = relyingParty();
  return { expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true };
}

/** A passkey's name as the person typed it: trimmed, inner spaces folded, 1–64 characters. */
export function passkeyName(raw: unknown): string {
  const name = typeof raw === "string" ? raw.trim().replace(/\s+/g, " ") : "";
  if (!name)
    throw new AppError("invalid_input", messageKey("errors.passkeys.nameRequired"), { name: [messageKey("errors.passkeys.nameRequired")] });
  if (name.length > MAX_PASSKEY_NAME) {
    const message = messageKey("validation.tooLong", { max: MAX_PASSKEY_NAME });
    throw new AppError("invalid_input", message, { name: [message] });
  }
  return name;
}

// The browser's answer, as @simplewebauthn/browser sends it: every field bounded before any
// decoding (an attestation object with a certificate chain stays well under 16 KB).
const b64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);
const common = {
  id: b64url(1024),
  rawId: b64url(1024),
  type: z.literal("public-key"),
  clientExtensionResults: z.object({}).passthrough(),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};
export const registrationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(4096),
    attestationObject: b64url(16_384),
    transports: z.array(z.string().max(32)).max(8).optional(),
    authenticatorData: b64url(4096).optional(),
    publicKey: b64url(4096).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
  }),
});
export const authenticationResponseSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(4096),
    authenticatorData: b64url(4096),
    signature: b64url(1024),
    userHandle: b64url(256).optional(),
  }),
});

/** One refusal for every failed ceremony: which check failed is for the audit trail, not the browser. */
export const passkeyRefused = () => new AppError("invalid_credentials", messageKey("errors.passkeys.notVerified"));
