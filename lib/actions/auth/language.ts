"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { messageKey } from "@/lib/i18n/message-key";
import { SUPPORTED_LOCALES } from "@/lib/i18n/locales";

/** The sign-in page's language switch: remembered in this browser (gh_locale) until changed. */
export const chooseLanguageAction = defineAction(
  {
    name: "language.choose",
    access: "public",
    input: z.object({ locale: z.enum(SUPPORTED_LOCALES, { error: messageKey("validation.localeInvalid") }) }),
  },
  async (input) => {
    await rememberLocale(input.locale);
    return { locale: input.locale };
  },
);
