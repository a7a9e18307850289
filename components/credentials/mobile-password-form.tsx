"use client";
import { useTranslations } from "next-intl";
import { createMobilePasswordAction } from "@/lib/actions/portal/credentials";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { CredentialReveal } from "./credential-reveal";

/** "Mobile passwords (Exchange ActiveSync)": a generated EAS password for one phone, shown once. */
export function MobilePasswordForm() {
  const t = useTranslations("credentials.mobilePassword");
  const {
    formProps,
    fieldErrors: errors,
    formError,
    values,
    shown,
    dismiss,
  } = useActionForm(createMobilePasswordAction, {
    invalidate: [queryKeys.ownCredentials],
  });
  return (
    <div className="space-y-4">
      {shown && <CredentialReveal title={t("revealTitle")} secret={shown.secret} user={shown.user} services={["EAS"]} onDone={dismiss} />}
      <form {...formProps} className="flex max-w-xl flex-col gap-4 sm:flex-row sm:items-end" noValidate>
        <FormMessage tone="error" message={formError} />
        <Field
          name="label"
          label={t("label")}
          hint={t("labelHint")}
          defaultValue={values.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
          className="flex-1"
        />
        <SubmitButton pendingLabel={t("creating")}>{t("submit")}</SubmitButton>
      </form>
    </div>
  );
}
