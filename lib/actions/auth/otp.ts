"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { verifyOtpStep } from "@/lib/auth/verify-otp-step";
import { messageKey } from "@/lib/i18n/message-key";

export const verifyOtpAction = defineAction(
  {
    name: "login.otp",
    access: "public",
    input: z.object({
      code: z.string().trim().min(1, messageKey("validation.auth.codeRequired")).max(64, messageKey("validation.auth.codeTooLong")),
      trust: z.enum(["on"]).optional(),
    }),
  },
  async (input, ctx) => {
    const jar = await cookies();
    const { trustedDevice } = await verifyOtpStep(
      { ticket: jar.get(cookieName("login"))?.value, code: input.code, trustThisDevice: input.trust === "on" },
      ctx.actor,
    );
    if (trustedDevice) {
      const maxAge = Math.floor((trustedDevice.expiresAt.getTime() - Date.now()) / 1000);
      jar.set(cookieName("trusted-device"), trustedDevice.token, cookieOptions(maxAge));
    }
    return { stage: "ready" as const };
  },
);
