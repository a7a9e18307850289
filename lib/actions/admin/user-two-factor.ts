"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { setUserTwoFactorRequired } from "@/lib/two-factor/requirements/set-two-factor-requirement";
import { idField } from "@/lib/validation/fields";

/** A checkbox: present ("on") when ticked, absent otherwise; booleans are accepted for direct calls. */
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const setUserTwoFactorRequiredAction = defineAction(
  { name: "admin.user.2fa_requirement", access: "admin", input: z.object({ id: idField, required: checkbox }) },
  async ({ id, required }, ctx) => {
    await setUserTwoFactorRequired(id, required, ctx.actor);
    return { required };
  },
);
