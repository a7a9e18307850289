"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { finishPasskeySignIn, startPasskeySignIn } from "@/lib/auth/begin-passkey-sign-in";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { LOGIN_TICKET_TTL_MS } from "@/lib/auth/login-ticket";

// Passwordless sign-in from the login page: options for the browser (the button or autofill),
// then its answer, which opens a ready login ticket for next-auth to turn into a session.

export const startPasskeySignInAction = defineAction(
  { name: "login.passkey.passwordless.options", access: "public", input: z.object({}) },
  async () => startPasskeySignIn(),
);

export const finishPasskeySignInAction = defineAction(
  { name: "login.passkey.passwordless", access: "public", input: z.object({ response: z.unknown() }) },
  async (input, ctx) => {
    const { ticket, stage } = await finishPasskeySignIn({ response: input.response }, ctx.actor);
    (await cookies()).set(cookieName("login"), ticket, cookieOptions(LOGIN_TICKET_TTL_MS / 1000));
    return { stage };
  },
);
