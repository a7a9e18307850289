"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { checkboxField, passwordField } from "@/lib/validation/fields";
import { messageKey } from "@/lib/i18n/message-key";

export const changePasswordAction = defineAction(
  {
    name: "account.password.change",
    access: "user",
    input: z
      .object({
        currentPassword: passwordField,
        newPassword: passwordField,
        confirmPassword: z.string().max(256),
        // The form's "also sign out my app passwords and devices" box, ticked by default.
        signOutCredentials: checkboxField,
      })
      .refine((v) => v.newPassword === v.confirmPassword, {
        path: ["confirmPassword"],
        message: messageKey("errors.account.passwordsDiffer"),
      }),
  },
  async (input, ctx) => {
    const revoked = await changeOwnPassword(
      ctx.user.id,
      { currentPassword: input.currentPassword, newPassword: input.newPassword, keepCredentials: !input.signOutCredentials },
      { ...ctx.actor, sessionId: ctx.user.sessionId },
    );
    return { changed: true, credentials: revoked.credentials };
  },
);
