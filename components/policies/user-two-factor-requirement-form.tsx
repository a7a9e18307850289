"use client";
import { useTranslations } from "next-intl";
import { setUserTwoFactorRequiredAction } from "@/lib/actions/admin/user-two-factor";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";

/** The "Require 2FA for this user" switch; the page reloads its facts after a change. */
export function UserTwoFactorRequirementForm({
  userId,
  userRequires,
  graceDays,
}: {
  userId: string;
  userRequires: boolean;
  graceDays: number;
}) {
  const t = useTranslations("policies.userRequirement");
  const { state, formProps, formError } = useActionForm(setUserTwoFactorRequiredAction, { refresh: true });
  const checked = state?.ok ? state.data.required : userRequires;
  return (
    <form {...formProps} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="id" value={userId} />
      <FormMessage tone="error" message={formError} />
      <Checkbox
        // Re-mount when the saved value changes, so the box shows what is stored.
        key={String(checked)}
        name="required"
        label={t("require")}
        hint={t("requireHint", { days: graceDays })}
        defaultChecked={checked}
      />
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
      {state?.ok && <FormMessage tone="success" message={state.data.required ? t("nowRequired") : t("noLongerRequired")} />}
    </form>
  );
}
