"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { messageKey } from "@/lib/i18n/message-key";
import { SUPPORTED_LOCALES, THEMES } from "@/lib/i18n/locales";
import { updatePreferences } from "@/lib/users/update-preferences";

/** "auto" and "system" follow the browser: Accept-Language and prefers-color-scheme. */
export const savePreferencesAction = defineAction(
  {
    name: "account.preferences",
    access: "user",
    input: z.object({
      locale: z.enum(["auto", ...SUPPORTED_LOCALES], { error: messageKey("validation.localeInvalid") }),
      theme: z.enum(["system", ...THEMES], { error: messageKey("validation.themeInvalid") }),
    }),
  },
  async (input, ctx) => {
    const locale = input.locale === "auto" ? null : input.locale;
    const saved = await updatePreferences(ctx.user.id, { locale, theme: input.theme === "system" ? null : input.theme });
    // The choice also stays in this browser, so the sign-in page after sign-out speaks it too.
    await rememberLocale(locale);
    return saved;
  },
);
