"use client";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/actions/portal/password";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { useActionForm } from "@/components/forms/use-action-form";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

/** `credentials`: how many app passwords and devices (service credentials) the account has now. */
export function ChangePasswordForm({ credentials }: { credentials: number }) {
  const t = useTranslations("account.password");
  const { state, formProps, fieldErrors: errors, formError } = useActionForm(changePasswordAction, { refresh: true });
  return (
    <form {...formProps} className="max-w-md space-y-4" noValidate>
      {state?.ok && (
        <FormMessage
          tone="success"
          message={state.data.credentials > 0 ? t("changedWithCredentials", { count: state.data.credentials }) : t("changed")}
        />
      )}
      <FormMessage tone="error" message={formError} />
      <Field
        name="currentPassword"
        label={t("current")}
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
        error={errors?.currentPassword}
      />
      <NewPasswordFields name="newPassword" label={t("new")} confirmLabel={t("confirm")} hint={t("newHint")} errors={errors} />
      {/* With nothing to choose, anything made meanwhile (or an unused one-time QR code) still goes. */}
      {credentials === 0 && <input type="hidden" name="signOutCredentials" value="on" />}
      {credentials > 0 && (
        <Checkbox
          name="signOutCredentials"
          defaultChecked
          label={t("signOutCredentials", { count: credentials })}
          hint={t("signOutCredentialsHint")}
        />
      )}
      <SubmitButton pendingLabel={t("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}
