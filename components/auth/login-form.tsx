"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startPasswordLogin } from "@/lib/actions/auth/login";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
/** Email + password. The server keeps the login ticket in an HttpOnly cookie; the next step takes it. */
export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth.login");
  const router = useRouter();
  const { finish, error: finishError } = useFinishSignIn(next);
  const { formProps, fieldErrors, values, formError } = useActionForm(startPasswordLogin, {
    onSuccess: ({ stage }) => {
      if (stage === "ready") void finish();
      else router.push(`/login/${stage}${next ? `?next=${encodeURIComponent(next)}` : ""}`);
    },
  });

  const message = finishError ?? formError;
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage tone="error" message={message} />
      <Field
        name="email"
        defaultValue={values.email}
        label={t("email")}
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        error={fieldErrors?.email}
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
        error={fieldErrors?.password}
      />
      <SubmitButton fullWidth pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
