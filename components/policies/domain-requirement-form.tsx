"use client";
import { useTranslations } from "next-intl";
import { setDomainTwoFactorRequiredAction } from "@/lib/actions/admin/policies";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { TWO_FACTOR_GRACE_DAYS } from "@/lib/two-factor/policies/policy-values";
import type { DomainTwoFactorSettings } from "@/lib/two-factor/requirements/domain-two-factor-settings";

/** A domain's "Require 2FA for every account" switch and its enrolment grace period. */
export function DomainRequirementForm({ settings }: { settings: DomainTwoFactorSettings }) {
  const t = useTranslations("policies.domainRequirement");
  const form = useActionForm(setDomainTwoFactorRequiredAction, { refresh: true });
  const { state, fieldErrors: errors, values: echo } = form;
  const refused = !!state && !state.ok;
  const required = state?.ok ? state.data.required : refused ? echo.required === "on" : settings.required;
  const graceDays = echo.graceDays ?? String(state?.ok ? state.data.graceDays : settings.graceDays);
  return (
    <form {...form.formProps} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="domain" value={settings.domain} />
      <p className="text-sm text-muted">
        {t("withoutDevice", { without: settings.usersWithoutDevice, count: settings.userCount, domain: settings.domain })}
      </p>
      <FormMessage tone="error" message={form.formError} />
      <Checkbox name="required" label={t("require")} hint={t("requireHint")} defaultChecked={required} error={errors?.required} />
      <Field
        name="graceDays"
        type="number"
        inputMode="numeric"
        min={TWO_FACTOR_GRACE_DAYS.min}
        max={TWO_FACTOR_GRACE_DAYS.max}
        label={t("graceDays")}
        hint={t("graceDaysHint", { min: TWO_FACTOR_GRACE_DAYS.min, max: TWO_FACTOR_GRACE_DAYS.max })}
        defaultValue={graceDays}
        error={errors?.graceDays}
      />
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
      {state?.ok && (
        <FormMessage
          tone="success"
          message={
            state.data.required ? t("nowRequired", { domain: state.data.domain }) : t("noLongerRequired", { domain: state.data.domain })
          }
        />
      )}
    </form>
  );
}
