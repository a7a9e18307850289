"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { messageKey } from "@/lib/i18n/message-key";
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
