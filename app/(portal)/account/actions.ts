"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { changeOwnPassword } from "@/lib/users/set-user-password";
import { passwordField } from "@/lib/validation/fields";

export const changePasswordAction = defineAction(
  {
    name: "account.password.change",
    access: "user",
    input: z
      .object({ currentPassword: passwordField, newPassword: passwordField, confirmPassword: z.string().max(256) })
      .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." }),
  },
  async (input, ctx) => {
    await changeOwnPassword(ctx.user.id, input, { ...ctx.actor, sessionId: ctx.user.sessionId });
    return { changed: true };
  },
);
