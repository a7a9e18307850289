import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { getKeys } from "@/lib/crypto/keys";
import { getSettings } from "@/lib/config/settings";
import { readCookie } from "@/lib/http/read-cookie";
import { contextFromNodeHeaders, requestContext } from "@/lib/http/request-context";
import { SESSION_ABSOLUTE_MS, deleteSessionByRawId, findActiveSession } from "@/lib/sessions/session-store";

/** `url` when it is a path or a URL on PUBLIC_URL's origin; PUBLIC_URL otherwise. */
export function sameSiteRedirect(url: string, publicUrl: string): string {
  const home = new URL(publicUrl);
  try {
    const target = new URL(url, `${home.origin}/`);
    if (target.origin === home.origin) return target.href;
  } catch {
    // not a URL at all
  }
  return publicUrl;
}

/**
 * next-auth signs the session cookie (an encrypted JWT holding only our session id); the session
 * row decides whether it is still valid. The one provider takes no secrets from the browser: it
 * reads the HttpOnly login-ticket cookie that the password (and OTP) steps prepared.
 */
export function authOptions(): NextAuthOptions {
  const { publicUrl } = getSettings();
  // next-auth 4 reads its base URL from NEXTAUTH_URL at request time (else it falls back to
  // http://localhost:3000 or, with AUTH_TRUST_HOST, to the request's Host): ours is PUBLIC_URL.
  process.env.NEXTAUTH_URL = `${publicUrl}/api/auth`;
  return {
    secret: getKeys().sessionSigning,
    // next-auth guesses from NEXTAUTH_URL; ours comes from PUBLIC_URL, for its CSRF and callback cookies too.
    useSecureCookies: getSettings().secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    cookies: {
      sessionToken: { name: cookieName("session"), options: cookieOptions() },
    },
    providers: [
      CredentialsProvider({
        id: "ticket",
        name: "Gatehouse",
        credentials: {},
        async authorize(_credentials, req) {
          const h = req?.headers as Record<string, string | undefined> | undefined;
          const ticket = readCookie(h?.cookie, cookieName("login"));
          if (!ticket) return null;
          const done = await completeSignIn(ticket, contextFromNodeHeaders(h));
          return done ? { id: done.userId, email: done.email, sid: done.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      // After sign-in or sign-out, only ever back into Gatehouse.
      async redirect({ url }) {
        return sameSiteRedirect(url, publicUrl);
      },
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
      async session({ session, token }) {
        const active =
          typeof token.sid === "string" ? await findActiveSession(token.sid, new Date(), { ip: (await requestContext()).ip }) : null;
        return active ? { ...session, user: { email: active.email, name: active.displayName } } : { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await deleteSessionByRawId(token.sid);
      },
    },
  };
}
