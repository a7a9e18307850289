import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-session";
import { getSettings } from "@/lib/config/settings";
import { isTheme, LOCALE_COOKIE, type Locale, type Theme } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/resolve-locale";

/** The language this request is answered in (lib/i18n/resolve-locale.ts decides; this reads its sources). */
export const requestLocale = cache(async (): Promise<Locale> => {
  const [user, jar, h] = await Promise.all([getCurrentUser(false), cookies(), headers()]);
  return resolveLocale({
    userLocale: user?.preferences?.locale,
    cookieLocale: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get("accept-language"),
    domainLocale: user?.preferences?.domainLocale,
    fallback: getSettings().defaultLocale,
  });
});

/** The signed-in person's saved theme; null follows prefers-color-scheme. */
export async function requestTheme(): Promise<Theme | null> {
  const theme = (await getCurrentUser(false))?.preferences?.theme;
  return isTheme(theme) ? theme : null;
}
