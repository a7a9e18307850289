"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { beginPasswordSignIn } from "@/lib/auth/begin-password-sign-in";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { LOGIN_TICKET_TTL_MS } from "@/lib/auth/login-ticket";
import { messageKey } from "@/lib/i18n/message-key";
import { passwordField } from "@/lib/validation/fields";

/** Step 1 of sign-in. The ticket goes into an HttpOnly cookie; the next step or next-auth takes it from there. */
export const startPasswordLogin = defineAction(
  {
    name: "login.password",
    access: "public",
    input: z.object({
      email: z
        .string()
        .trim()
        .min(1, messageKey("validation.emailRequired"))
        .max(254, messageKey("validation.tooLong", { max: 254 })),
      password: passwordField,
    }),
  },
  async (input, ctx) => {
    const jar = await cookies();
    const { ticket, stage } = await beginPasswordSignIn(
      { ...input, trustedDeviceToken: jar.get(cookieName("trusted-device"))?.value },
      ctx.actor,
    );
    jar.set(cookieName("login"), ticket, cookieOptions(LOGIN_TICKET_TTL_MS / 1000));
    return { stage };
  },
);
