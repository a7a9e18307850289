// The languages and themes Gatehouse offers. Client-safe: no server-only or database imports.
// Adding a language: docs/i18n.md.

export const SUPPORTED_LOCALES = ["en", "it", "de"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
/** English is the source language and the fallback for a message missing elsewhere. */
export const SOURCE_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Each language's own name, shown as is in every language (people look for their own). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", it: "Italiano", de: "Deutsch" };

/** A saved theme; no saved theme ("system") follows prefers-color-scheme. */
export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

/** The language chosen before sign-in (or saved on the account), kept across sign-out. */
export const LOCALE_COOKIE = "gh_locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
