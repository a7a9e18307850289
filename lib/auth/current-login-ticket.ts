import { cookies } from "next/headers";
import { cookieName } from "@/lib/auth/cookie-names";
import { findLoginTicket, type LoginStage } from "@/lib/auth/login-ticket";

/**
 * True when this browser holds an unexpired login ticket at one of `stages` (pages of later steps
 * check it). Pages accept "ready" too: a server action that sets a cookie re-renders the page
 * while the browser is finishing the sign-in.
 */
export async function hasLoginTicketAt(...stages: LoginStage[]): Promise<boolean> {
  const pending = await findLoginTicket((await cookies()).get(cookieName("login"))?.value);
  return !!pending && stages.includes(pending.stage as LoginStage);
}
