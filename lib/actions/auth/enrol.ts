"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { cookieName } from "@/lib/auth/cookie-names";
import {
  confirmEnrolmentAtSignIn,
  finishPasskeyEnrolmentAtSignIn,
  startEnrolmentAtSignIn,
  startPasskeyEnrolmentAtSignIn,
} from "@/lib/auth/enrol-at-sign-in";
import { messageKey } from "@/lib/i18n/message-key";
import { idField } from "@/lib/validation/fields";

const ticket = async () => (await cookies()).get(cookieName("login"))?.value;

export const startEnrolmentAction = defineAction(
  {
    name: "login.enrol.start",
    access: "public",
    input: z.object({
      label: z
        .string()
        .trim()
        .min(1, messageKey("validation.auth.deviceNameRequired"))
        .max(64, messageKey("validation.tooLong", { max: 64 })),
      options: z
        .object({ algorithm: z.string().max(10).optional(), digits: z.coerce.number().optional(), period: z.coerce.number().optional() })
        .optional(),
    }),
  },
  async (input, ctx) => startEnrolmentAtSignIn(await ticket(), input, ctx.actor),
);

export const confirmEnrolmentAction = defineAction(
  {
    name: "login.enrol.confirm",
    access: "public",
    input: z.object({ deviceId: idField, code: z.string().trim().min(1, messageKey("validation.auth.codeRequired")).max(64) }),
  },
  async (input, ctx) => confirmEnrolmentAtSignIn(await ticket(), input.deviceId, input.code, ctx.actor),
);

export const startPasskeyEnrolmentAction = defineAction(
  { name: "login.enrol.passkey.options", access: "public", input: z.object({}) },
  async () => startPasskeyEnrolmentAtSignIn(await ticket()),
);

export const finishPasskeyEnrolmentAction = defineAction(
  { name: "login.enrol.passkey", access: "public", input: z.object({ name: z.string().max(200), response: z.unknown() }) },
  async (input, ctx) => finishPasskeyEnrolmentAtSignIn(await ticket(), input, ctx.actor),
);
