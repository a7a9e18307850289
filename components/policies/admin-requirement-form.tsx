"use client";
import { useTranslations } from "next-intl";
import { setAdminTwoFactorRequiredAction } from "@/lib/actions/admin/policies";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import type { AdminTwoFactorSettings } from "@/lib/two-factor/requirements/admin-two-factor-setting";

/** "Require a second factor for administrators", for every domain. */
export function AdminRequirementForm({ settings }: { settings: AdminTwoFactorSettings }) {
  const t = useTranslations("policies.admins");
  const { state, formProps, formError } = useActionForm(setAdminTwoFactorRequiredAction, { refresh: true });
  const shown = state?.ok ? state.data : settings;
  return (
    <form {...formProps} className="max-w-xl space-y-4" noValidate>
      <p className="text-sm text-muted">{t("withoutDevice", { without: shown.adminsWithoutDevice, count: shown.adminCount })}</p>
      <FormMessage tone="error" message={formError} />
      <Checkbox
        // A saved change re-renders the box with the stored value.
        key={String(shown.required)}
        name="required"
        label={t("require")}
        hint={t("requireHint")}
        defaultChecked={shown.required}
      />
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
      {state?.ok && <FormMessage tone="success" message={state.data.required ? t("nowRequired") : t("noLongerRequired")} />}
    </form>
  );
}
