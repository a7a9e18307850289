import "server-only";
import { cookies } from "next/headers";
import { getSettings } from "@/lib/config/settings";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, type Locale } from "@/lib/i18n/locales";

/** Remembers a language in this browser (also after sign-out); null forgets it, so the browser's own applies. */
export async function rememberLocale(locale: Locale | null): Promise<void> {
  const jar = await cookies();
  if (locale === null) {
    jar.delete(LOCALE_COOKIE);
    return;
  }
  // Not a secret, but only the server needs it; Lax like the session cookie.
  jar.set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getSettings().secureCookies,
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
  });
}
