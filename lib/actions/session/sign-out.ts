"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { cookieName } from "@/lib/auth/cookie-names";
import { currentRawSessionId } from "@/lib/auth/current-session";
import { signOutSession } from "@/lib/sessions/sign-out-session";

/**
 * The Sign out button. Public access: a session that has already ended, or one opened with a
 * service credential, may still sign out (the cookie is cleared either way).
 */
export const logoutAction = defineAction({ name: "session.logout", access: "public", input: z.object({}) }, async (_input, ctx) => {
  const sid = await currentRawSessionId();
  if (sid) await signOutSession(sid, ctx.user, ctx.actor);
  (await cookies()).delete(cookieName("session"));
  redirect("/login");
});
