"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { verifyOtpAction } from "@/lib/actions/auth/otp";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";

export function OtpForm({ next }: { next?: string }) {
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
      <FormMessage tone="error" message={error ?? formError} />
      <Field
        name="code"
        label={t("code")}
        inputMode="text"
        autoComplete="one-time-code"
        autoFocus
        required
        maxLength={64}
        hint={t("codeHint")}
        error={fieldErrors?.code}
      />
      <Checkbox name="trust" label={t("trust")} hint={t("trustHint")} />
      <SubmitButton fullWidth pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
      <p className="text-center text-sm">
        <Link href="/login" className="underline">
          {t("startAgain")}
        </Link>
      </p>
    </form>
  );
}
