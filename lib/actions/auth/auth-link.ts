"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { redeemPermanentAuthLink, redeemTemporaryAuthLink } from "@/lib/auth-links/redeem-auth-link";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { LINK_TICKET_TTL_MS, LOGIN_TICKET_TTL_MS } from "@/lib/auth/login-ticket";
import { messageKey } from "@/lib/i18n/message-key";
import { passwordField } from "@/lib/validation/fields";

const tokenField = z.string().min(1).max(128);

/**
 * The login ticket goes into the same HttpOnly cookie as a password sign-in's (lib/actions/auth/login.ts),
 * living as long as the ticket: a temporary link's ticket lasts LINK_TICKET_TTL_MS, time for a new
 * hire to install an authenticator app.
 */
async function keepTicket(ticket: string, ttlMs: number) {
  (await cookies()).set(cookieName("login"), ticket, cookieOptions(ttlMs / 1000));
}

/** The new hire's password step: consumes the temporary link, then sign-in goes on at enrolment or ends. */
export const redeemTemporaryLinkAction = defineAction(
  {
    name: "login.authLink.password",
    access: "public",
    input: z
      .object({ token: tokenField, password: passwordField, confirmPassword: z.string().max(256) })
      .refine((v) => v.password === v.confirmPassword, {
        path: ["confirmPassword"],
        message: messageKey("errors.account.passwordsDiffer"),
      }),
  },
  async ({ token, password }, ctx) => {
    const { ticket, stage } = await redeemTemporaryAuthLink(token, password, ctx);
    await keepTicket(ticket, LINK_TICKET_TTL_MS);
    return { stage };
  },
);

/** "Continue" on a permanent link's welcome page: a POST, so a mail scanner's GET never signs anyone in. */
export const redeemPermanentLinkAction = defineAction(
  { name: "login.authLink.permanent", access: "public", input: z.object({ token: tokenField }) },
  async ({ token }, ctx) => {
    const { ticket, stage } = await redeemPermanentAuthLink(token, ctx);
    await keepTicket(ticket, LOGIN_TICKET_TTL_MS);
    return { stage };
  },
);
