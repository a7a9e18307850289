"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { setUserTwoFactorRequired } from "@/lib/two-factor/requirements/set-two-factor-requirement";
import { checkboxField, idField } from "@/lib/validation/fields";

export const setUserTwoFactorRequiredAction = defineAction(
  { name: "admin.user.2fa_requirement", access: "admin", input: z.object({ id: idField, required: checkboxField }) },
  async ({ id, required }, ctx) => {
    await setUserTwoFactorRequired(id, required, ctx.actor);
    return { required };
  },
);
