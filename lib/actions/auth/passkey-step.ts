"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { startPasskeyStep, verifyPasskeyStep } from "@/lib/auth/verify-passkey-step";

// The second step of sign-in with a passkey: options for the browser, then its answer. The
// answer's fields are checked by lib/passkeys (each one bounded) before anything is decoded.

export const startPasskeyStepAction = defineAction({ name: "login.passkey.options", access: "public", input: z.object({}) }, async () =>
  startPasskeyStep((await cookies()).get(cookieName("login"))?.value),
);

export const verifyPasskeyStepAction = defineAction(
  { name: "login.passkey", access: "public", input: z.object({ response: z.unknown(), trust: z.boolean().default(false) }) },
  async (input, ctx) => {
    const jar = await cookies();
    const { trustedDevice } = await verifyPasskeyStep(
      { ticket: jar.get(cookieName("login"))?.value, response: input.response, trustThisDevice: input.trust },
      ctx.actor,
    );
    if (trustedDevice) {
      const maxAge = Math.floor((trustedDevice.expiresAt.getTime() - Date.now()) / 1000);
      jar.set(cookieName("trusted-device"), trustedDevice.token, cookieOptions(maxAge));
    }
    return { stage: "ready" as const };
  },
);
