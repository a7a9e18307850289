"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { cookieName } from "@/lib/auth/cookie-names";
import { currentRawSessionId } from "@/lib/auth/current-session";
import { samlLogoutUrl } from "@/lib/saml/saml-logout";
import { signOutSession } from "@/lib/sessions/sign-out-session";

/**
 * The Sign out button. A SAML session also goes to its IdP with a LogoutRequest (single logout),
 * which comes back to /zx/auth/logout and then to the sign-in page. Public access: a session that has already ended, or one opened with a
 * service credential, may still sign out (the cookie is cleared either way).
 */
export const logoutAction = defineAction({ name: "session.logout", access: "public", input: z.object({}) }, async (_input, ctx) => {
  const sid = await currentRawSessionId();
  // Asked before the session row (and with it the IdP's names for the session) is deleted.
  const idpLogout = sid ? await samlLogoutUrl(sid) : null;
  if (sid) await signOutSession(sid, ctx.user, ctx.actor);
  (await cookies()).delete(cookieName("session"));
  redirect(idpLogout ?? "/login");
});
