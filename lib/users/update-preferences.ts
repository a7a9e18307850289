import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { isLocale, isTheme, type Locale, type Theme } from "@/lib/i18n/locales";

export type Preferences = { locale: Locale | null; theme: Theme | null };

/** Saves a person's language and theme; null follows the browser (Accept-Language, prefers-color-scheme). */
export async function updatePreferences(userId: string, preferences: Preferences): Promise<Preferences> {
  if (preferences.locale !== null && !isLocale(preferences.locale))
    throw new AppError("invalid_input", messageKey("validation.localeInvalid"), { locale: [messageKey("validation.localeInvalid")] });
  if (preferences.theme !== null && !isTheme(preferences.theme))
    throw new AppError("invalid_input", messageKey("validation.themeInvalid"), { theme: [messageKey("validation.themeInvalid")] });
  const updated = await getDb().user.updateMany({ where: { id: userId }, data: preferences });
  if (updated.count === 0) throw new AppError("not_found", messageKey("errors.sessionEnded"));
  return preferences;
}
