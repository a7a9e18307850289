"use client";
import { useTranslations } from "next-intl";
import {
  createDomainAction,
  deleteDomainAction,
  setDomainAuthLinkHoursAction,
  setDomainDefaultLocaleAction,
} from "@/lib/actions/admin/domains";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/input";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { AUTH_LINK_HOURS_MAX, AUTH_LINK_HOURS_MIN } from "@/lib/domains/auth-link-hours";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "@/lib/i18n/locales";

// The domains page's writes: server actions, then the server-rendered list is refreshed.

export function CreateDomainForm() {
  const t = useTranslations("admin.domains");
  const { formProps, fieldErrors, formError, values } = useActionForm(createDomainAction, {
    refresh: true,
    toast: (domain) => t("added", { domain: domain.name }),
  });
  return (
    <form {...formProps} className="flex max-w-xl flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Field
        className="flex-1"
        name="name"
        defaultValue={values.name}
        label={t("newDomain")}
        maxLength={253}
        autoComplete="off"
        error={fieldErrors?.name ?? formError}
      />
      <SubmitButton className="sm:mt-6" pendingLabel={t("adding")}>
        {t("add")}
      </SubmitButton>
    </form>
  );
}

export function DeleteDomainButton({ name, userCount }: { name: string; userCount: number }) {
  const t = useTranslations("admin.domains");
  const confirmed = useConfirmedAction();
  return (
    <ConfirmButton
      size="sm"
      title={t("deleteTitle", { domain: name })}
      description={t("deleteDescription")}
      confirmLabel={t("deleteConfirm")}
      disabled={userCount > 0}
      aria-label={t("deleteLabel", { domain: name })}
      onConfirm={() => confirmed(() => deleteDomainAction({ name }), t("deleted", { domain: name }))}
    >
      {t("delete")}
    </ConfirmButton>
  );
}

/** A domain's default language: what its accounts see when neither they nor their browser chose one. */
export function DomainLocaleForm({ name, defaultLocale }: { name: string; defaultLocale: string | null }) {
  const t = useTranslations("admin.domains");
  const { formProps, fieldErrors, formError } = useActionForm(setDomainDefaultLocaleAction, {
    refresh: true,
    toast: (d) => (d.defaultLocale ? t("localeSaved", { domain: d.name }) : t("localeCleared", { domain: d.name })),
  });
  const id = `locale-${name}`;
  const error = fieldErrors?.defaultLocale?.join(" ") ?? formError;
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2" noValidate>
      <input type="hidden" name="name" value={name} />
      <label htmlFor={id} className="sr-only">
        {t("localeLabel", { domain: name })}
      </label>
      <select
        id={id}
        name="defaultLocale"
        // The saved value re-mounts the select after a refresh, so it shows what is stored.
        key={defaultLocale ?? ""}
        defaultValue={defaultLocale ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-8 rounded-md border border-line bg-surface px-2 text-sm"
      >
        <option value="">{t("localeNone")}</option>
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <SubmitButton size="sm" variant="secondary" pendingLabel={t("localeSaving")} aria-label={t("localeSaveLabel", { domain: name })}>
        {t("localeSave")}
      </SubmitButton>
      {error && (
        <p id={`${id}-error`} className="w-full text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </form>
  );
}

/** How long a new temporary auth link for the domain's accounts lasts, in hours. */
export function DomainAuthLinkHoursForm({ name, authLinkHours }: { name: string; authLinkHours: number }) {
  const t = useTranslations("admin.domains");
  const { formProps, fieldErrors, formError } = useActionForm(setDomainAuthLinkHoursAction, {
    refresh: true,
    toast: (d) => t("authLinkHoursSaved", { domain: d.name, hours: d.authLinkHours }),
  });
  const id = `auth-link-hours-${name}`;
  const error = fieldErrors?.authLinkHours?.join(" ") ?? formError;
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2" noValidate>
      <input type="hidden" name="name" value={name} />
      <label htmlFor={id} className="sr-only">
        {t("authLinkHoursLabel", { domain: name })}
      </label>
      <input
        id={id}
        name="authLinkHours"
        type="number"
        inputMode="numeric"
        min={AUTH_LINK_HOURS_MIN}
        max={AUTH_LINK_HOURS_MAX}
        step={1}
        // The saved value re-mounts the input after a refresh, so it shows what is stored.
        key={authLinkHours}
        defaultValue={authLinkHours}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-8 w-20 rounded-md border border-line bg-surface px-2 text-sm"
      />
      <span className="text-sm text-muted" aria-hidden="true">
        {t("authLinkHoursUnit")}
      </span>
      <SubmitButton
        size="sm"
        variant="secondary"
        pendingLabel={t("authLinkHoursSaving")}
        aria-label={t("authLinkHoursSaveLabel", { domain: name })}
      >
        {t("authLinkHoursSave")}
      </SubmitButton>
      {error && (
        <p id={`${id}-error`} className="w-full text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
