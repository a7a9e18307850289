"use client";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { savePreferencesAction } from "@/lib/actions/portal/preferences";
import { LOCALE_NAMES, SUPPORTED_LOCALES, type Locale, type Theme } from "@/lib/i18n/locales";

/** Language and theme, saved on the account; "same as this device" follows the browser. */
export function PreferencesForm({ locale, theme }: { locale: Locale | null; theme: Theme | null }) {
  const t = useTranslations("account.preferences");
  const { formProps, pending, fieldErrors, formError } = useActionForm(savePreferencesAction, { refresh: true, toast: t("saved") });
  const languages = [
    { value: "auto", label: t("languageAuto") },
    ...SUPPORTED_LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] })),
  ];
  const themes = [
    { value: "system", label: t("themeSystem") },
    { value: "light", label: t("themeLight") },
    { value: "dark", label: t("themeDark") },
  ];
  return (
    <form {...formProps} className="grid max-w-md gap-4 sm:grid-cols-2" noValidate>
      <FormMessage tone="error" message={formError} className="sm:col-span-2" />
      <Select name="locale" label={t("language")} options={languages} defaultValue={locale ?? "auto"} error={fieldErrors?.locale} />
      <Select name="theme" label={t("theme")} options={themes} defaultValue={theme ?? "system"} error={fieldErrors?.theme} />
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
