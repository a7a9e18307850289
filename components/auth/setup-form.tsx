"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { completeSetupAction } from "@/lib/actions/auth/setup";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";

export function SetupForm({ token }: { token: string }) {
  const t = useTranslations("auth.setup");
  const { state, formProps, fieldErrors: errors, formError, values } = useActionForm(completeSetupAction);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success" message={t("created", { email: state.data.email })} />
        <Link className="font-medium underline" href="/login">
          {t("signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage tone="error" message={formError} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="email"
        defaultValue={values.email}
        label={t("email")}
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        error={errors?.email}
      />
      <Field
        name="displayName"
        defaultValue={values.displayName}
        label={t("displayName")}
        autoComplete="name"
        maxLength={128}
        error={errors?.displayName}
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        maxLength={256}
        hint={t("passwordHint")}
        error={errors?.password}
      />
      <SubmitButton fullWidth pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
