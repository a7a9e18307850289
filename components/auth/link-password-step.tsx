"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { redeemTemporaryLinkAction } from "@/lib/actions/auth/auth-link";

/**
 * The new hire's password. Success leaves a login ticket in an HttpOnly cookie: at stage "enrol"
 * the existing enrolment page takes over, at "otp" (the account has an authenticator already) the
 * code step, at "ready" sign-in ends here. The page renders this component whether or not the
 * link is still usable: setting the cookie re-renders the page, where the link is now used up, and
 * this component must stay mounted (with its success) to move on instead of showing `unusable`.
 */
export function LinkPasswordStep(props: { token: string; email: string | null; description: string; unusable: ReactNode }) {
  const { token, email, description, unusable } = props;
  const t = useTranslations("auth.link.password");
  const router = useRouter();
  const { finish, error: finishError } = useFinishSignIn();
  const { state, formProps, fieldErrors, formError } = useActionForm(redeemTemporaryLinkAction, {
    onSuccess: ({ stage }) => {
      if (stage === "ready") void finish();
      else router.push(`/login/${stage}`);
    },
  });
  if (state?.ok) {
    return (
      <Card title={t("savedHeading")} headingLevel={1}>
        {finishError ? <FormMessage tone="error" message={finishError} /> : <p className="text-sm text-muted">{t("signingIn")}</p>}
      </Card>
    );
  }
  if (email === null) return unusable;
  return (
    <Card title={t("heading")} description={description} headingLevel={1}>
      <form {...formProps} className="space-y-4" noValidate>
        <FormMessage tone="error" message={formError} />
        <input type="hidden" name="token" value={token} />
        {/* The address, so a password manager files the new password under the right account. */}
        <Field name="email" label={t("account")} type="email" value={email} readOnly autoComplete="username" />
        <NewPasswordFields
          name="password"
          label={t("newPassword")}
          confirmLabel={t("confirmPassword")}
          hint={t("passwordHint")}
          errors={fieldErrors}
        />
        <SubmitButton fullWidth pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </form>
    </Card>
  );
}
