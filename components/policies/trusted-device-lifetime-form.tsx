"use client";
import { useTranslations } from "next-intl";
import { setTrustedDeviceLifetimeAction } from "@/lib/actions/admin/policies";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { TRUSTED_DEVICE_LIFETIME } from "@/lib/two-factor/policies/policy-values";

/** How long "Trust this device" lasts, for every domain. */
export function TrustedDeviceLifetimeForm({ days }: { days: number }) {
  const t = useTranslations("policies.lifetime");
  const { state, formProps, fieldErrors, formError, values } = useActionForm(setTrustedDeviceLifetimeAction);
  const saved = state?.ok ? state.data.days : days;
  return (
    <form {...formProps} className="max-w-xl space-y-3" noValidate>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          className="flex-1"
          name="days"
          type="number"
          inputMode="numeric"
          min={TRUSTED_DEVICE_LIFETIME.minDays}
          max={TRUSTED_DEVICE_LIFETIME.maxDays}
          label={t("label")}
          hint={t("hint", { min: TRUSTED_DEVICE_LIFETIME.minDays, max: TRUSTED_DEVICE_LIFETIME.maxDays })}
          defaultValue={values.days ?? String(saved)}
          error={fieldErrors?.days}
        />
        <SubmitButton className="sm:mt-6" variant="secondary" pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
      </div>
      {state?.ok && <FormMessage tone="success" message={t("saved", { days: state.data.days })} />}
      <FormMessage tone="error" message={formError} />
    </form>
  );
}
