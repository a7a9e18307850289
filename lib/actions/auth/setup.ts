"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { completeSetup } from "@/lib/setup/first-admin-setup";
import { displayNameField, emailField, passwordField } from "@/lib/validation/fields";

export const completeSetupAction = defineAction(
  {
    name: "setup.complete",
    access: "public",
    input: z.object({ token: z.string().min(1).max(128), email: emailField, displayName: displayNameField, password: passwordField }),
  },
  async ({ token, ...input }, ctx) => {
    const admin = await completeSetup(token, input, { ip: ctx.ip, userAgent: ctx.userAgent });
    return { email: admin.email };
  },
);
