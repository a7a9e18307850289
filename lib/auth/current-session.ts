import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { cookieName } from "@/lib/auth/cookie-names";
import { getKeys } from "@/lib/crypto/keys";
import { requestContext } from "@/lib/http/request-context";
import { findActiveSession, touchSession, type SessionUser } from "@/lib/sessions/session-store";

/** The raw session id from the signed cookie, or null. */
export async function currentRawSessionId(): Promise<string | null> {
  const token = (await cookies()).get(cookieName("session"))?.value;
  if (!token || token.length > 8192) return null;
  try {
    const jwt = await decode({ token, secret: getKeys().sessionSigning });
    return typeof jwt?.sid === "string" ? jwt.sid : null;
  } catch {
    return null;
  }
}

// The session is looked up once per request without counting as activity; getCurrentUser() then
// counts the request once. Reads made on the browser's own timer (getCurrentUser(false), and the
// language lookup every request makes) therefore never move the idle clock themselves.
const lookUpSession = cache(async (): Promise<SessionUser | null> => {
  const sid = await currentRawSessionId();
  if (!sid) return null;
  const { ip } = await requestContext();
  return findActiveSession(sid, new Date(), { ip, activity: false });
});

/**
 * The signed-in user for this request, checked against the session table (and, for a session
 * opened with a credential, against that credential from this request's address); once per request.
 * `activity: false` for reads the browser makes on its own (see findActiveSession).
 */
export const getCurrentUser = cache(async (activity: boolean = true): Promise<SessionUser | null> => {
  const user = await lookUpSession();
  if (user && activity) await touchSession(user);
  return user;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") redirect("/account");
  return user;
}
