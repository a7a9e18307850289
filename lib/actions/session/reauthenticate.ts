"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { messageKey } from "@/lib/i18n/message-key";
import { startPasskeyAuthentication } from "@/lib/passkeys/start-passkey-authentication";
import { passwordField } from "@/lib/validation/fields";

const reauthInput = z.union(
  [
    z.object({ password: passwordField }).strict(),
    z.object({ code: z.string().min(1, messageKey("validation.auth.codeRequired")).max(64) }).strict(),
  ],
  messageKey("validation.auth.passwordOrCode"),
);

/** The re-authentication dialog: a password or a code gives this session a fresh proof for 10 minutes. */
export const reauthenticateAction = defineAction({ name: "session.reauth", access: "user", input: reauthInput }, async (proof, ctx) => {
  const { verifiedAt } = await reauthenticate(ctx.user, proof, ctx.actor);
  return { verifiedAt: verifiedAt.toISOString() };
});

/** The dialog's "Use a passkey": options naming this account's passkeys, then the browser's answer. */
export const startReauthPasskeyAction = defineAction(
  { name: "session.reauth.options", access: "user", input: z.object({}) },
  (_input, ctx) => startPasskeyAuthentication(ctx.user.id),
);

export const reauthenticateWithPasskeyAction = defineAction(
  { name: "session.reauth", access: "user", input: z.object({ response: z.unknown() }) },
  async ({ response }, ctx) => {
    const { verifiedAt } = await reauthenticate(ctx.user, { passkey: response }, ctx.actor);
    return { verifiedAt: verifiedAt.toISOString() };
  },
);
