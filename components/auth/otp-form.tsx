"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { verifyOtpAction } from "@/lib/actions/auth/otp";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";

/**
 * The code form of the second step. Its "trust this device" box and "start again" link are the
 * page's (SecondStep), which passes the box's state in: a hidden field, which a form reset after
 * a wrong code leaves alone.
 */
export function OtpForm({ next, trust, autoFocus = true }: { next?: string; trust: boolean; autoFocus?: boolean }) {
  const t = useTranslations("auth.otp");
  const router = useRouter();
  const { finish, error } = useFinishSignIn(next);
  const { state, formProps, fieldErrors, formError } = useActionForm(verifyOtpAction, { onSuccess: () => void finish() });
  // An expired login ticket cannot be retried here: the sign-in starts again.
  useEffect(() => {
    if (state && !state.ok && state.error.code === "expired") router.replace("/login");
  }, [state, router]);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      {trust && <input type="hidden" name="trust" value="on" />}
      <FormMessage tone="error" message={error ?? formError} />
      <Field
        name="code"
        label={t("code")}
        inputMode="text"
        autoComplete="one-time-code"
        autoFocus={autoFocus}
        required
        maxLength={64}
        hint={t("codeHint")}
        error={fieldErrors?.code}
      />
      <SubmitButton fullWidth pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
