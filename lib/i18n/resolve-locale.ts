import Negotiator from "negotiator";
import { isLocale, SUPPORTED_LOCALES, type Locale } from "@/lib/i18n/locales";

// Client-safe and pure: which language a request is answered in. The server side that reads the
// session, cookie and headers is lib/i18n/request-locale.ts.

export type LocaleSources = {
  /** The signed-in person's saved choice (User.locale). */
  userLocale?: string | null;
  /** The gh_locale cookie: the login page's language switch, or the last saved choice. */
  cookieLocale?: string | null;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null;
  /** The person's domain default (Domain.defaultLocale); anonymous visitors have no domain. */
  domainLocale?: string | null;
  /** DEFAULT_LOCALE from the settings. */
  fallback: Locale;
};

/** First usable answer wins: own choice, cookie, browser, domain, then the operator's default. */
export function resolveLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.userLocale)) return sources.userLocale;
  if (isLocale(sources.cookieLocale)) return sources.cookieLocale;
  const browser = negotiateAcceptLanguage(sources.acceptLanguage);
  if (browser) return browser;
  if (isLocale(sources.domainLocale)) return sources.domainLocale;
  return sources.fallback;
}

/**
 * The supported language the browser prefers most, by q-value (RFC 9110 §12.5.4), or null when it
 * asks for none of them. negotiator (the jshttp parser Express uses, and next-intl's own
 * dependency) does the parsing: q=0 excludes, "de-CH" matches "de", an exact match wins a tie.
 * A bare "*" says nothing about the person, so it falls through to the domain default.
 */
export function negotiateAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header || header.length > 1024) return null;
  const accepted = new Negotiator({ headers: { "accept-language": header } }).languages([...SUPPORTED_LOCALES]);
  const explicit = accepted.filter((locale) => new RegExp(`(^|,)\\s*${locale}(-|;|,|\\s|$)`, "i").test(header));
  const best = explicit[0];
  return isLocale(best) ? best : null;
}
