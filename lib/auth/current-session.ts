import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { cookieName } from "@/lib/auth/cookie-names";
import { getKeys } from "@/lib/crypto/keys";
import { requestContext } from "@/lib/http/request-context";
import { findActiveSession, type SessionUser } from "@/lib/sessions/session-store";

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

/**
 * The signed-in user for this request, checked against the session table (and, for a session
 * opened with a credential, against that credential from this request's address); once per request.
 * `activity: false` for reads the browser makes on its own (see findActiveSession).
 */
export const getCurrentUser = cache(async (activity: boolean = true): Promise<SessionUser | null> => {
  const sid = await currentRawSessionId();
  if (!sid) return null;
  const { ip } = await requestContext();
  return findActiveSession(sid, new Date(), { ip, activity });
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
