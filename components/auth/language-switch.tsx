"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { cn } from "@/components/ui/cn";
import { chooseLanguageAction } from "@/lib/actions/auth/language";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "@/lib/i18n/locales";

/**
 * The sign-in page's language switch: one button per language, each named in its own language
 * (and marked with its lang, so screen readers say it right). The choice is kept in the gh_locale
 * cookie and the page re-renders in it; it works before the page has hydrated too.
 */
export function LanguageSwitch() {
  const t = useTranslations("auth.languageSwitch");
  const current = useLocale();
  const labelId = useId();
  const { formProps, pending } = useActionForm(chooseLanguageAction, { refresh: true });
  return (
    <form {...formProps} aria-labelledby={labelId} className="flex flex-wrap items-center justify-center gap-x-1 gap-y-2 text-sm">
      <span id={labelId} className="mr-1 text-muted">
        {t("label")}:
      </span>
      {SUPPORTED_LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          disabled={pending}
          className={cn(
            "min-h-8 rounded-md px-2 underline-offset-2 hover:bg-surface-muted disabled:opacity-60",
            locale === current ? "font-semibold text-fg" : "text-accent underline",
          )}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
