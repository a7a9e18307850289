import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { getKeys } from "@/lib/crypto/keys";
import { SESSION_ABSOLUTE_MS } from "@/lib/sessions/session-store";

/**
 * Sets the session cookie of a session just opened: the same encrypted JWT, holding only the
 * session id, that next-auth's callback sets and lib/auth/current-session.ts reads. Used where a
 * step opens the session in its own request instead of sending the browser through next-auth's
 * CSRF and callback round trips.
 */
export async function setSessionCookie(session: { userId: string; email: string; sessionId: string }): Promise<void> {
  const maxAge = SESSION_ABSOLUTE_MS / 1000;
  const token = await encode({
    token: { sub: session.userId, email: session.email, sid: session.sessionId },
    secret: getKeys().sessionSigning,
    maxAge,
  });
  (await cookies()).set(cookieName("session"), token, cookieOptions(maxAge));
}
