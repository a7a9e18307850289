import { cookies } from "next/headers";
import { z } from "zod";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { LOGIN_TICKET_TTL_MS } from "@/lib/auth/login-ticket";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { defineRoute } from "@/lib/http/define-route";
import { passwordField, signInAddressField } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

/**
 * Step 1 of web sign-in (the login form posts here). A route rather than a server action: an
 * action that sets a cookie makes Next.js render the sign-in page again for an answer the browser
 * throws away. Answers the stage: "signed_in" (the session cookie is set) or the second-factor
 * step to go to (the login ticket waits in an HttpOnly cookie).
 */
export const POST = defineRoute(
  {
    name: "login.password",
    access: "public",
    input: z.object({ email: signInAddressField, password: passwordField }),
  },
  async (input, ctx) => {
    const jar = await cookies();
    const result = await signInWithPassword({ ...input, trustedDeviceToken: jar.get(cookieName("trusted-device"))?.value }, ctx.actor);
    if (result.stage !== "signed_in") {
      jar.set(cookieName("login"), result.ticket, cookieOptions(LOGIN_TICKET_TTL_MS / 1000));
      return { stage: result.stage };
    }
    await setSessionCookie(result.session);
    if (jar.has(cookieName("login"))) jar.delete(cookieName("login")); // an abandoned earlier sign-in's ticket
    return { stage: result.stage, home: result.session.role === "admin" ? "/admin/users" : "/account" };
  },
);
