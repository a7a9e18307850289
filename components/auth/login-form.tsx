"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { startPasswordLogin } from "@/lib/actions/auth/login";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { idle, valuesOf, type FormState } from "@/lib/actions/action-result";

type Stage = { stage: "otp" | "enrol" | "ready" };

/** Email + password. The server keeps the login ticket in an HttpOnly cookie; the next step takes it. */
export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth.login");
  const router = useRouter();
  const [state, action] = useActionState<FormState<Stage>, FormData>(startPasswordLogin, idle);
  const { finish, error: finishError } = useFinishSignIn(next);

  useEffect(() => {
    if (!state?.ok) return;
    if (state.data.stage === "ready") void finish();
    else router.push(`/login/${state.data.stage}${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  }, [state, next, router, finish]);

  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const message = finishError ?? (state && !state.ok ? state.error.message : null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage tone="error" message={message} />
      <Field
        name="email"
        defaultValue={valuesOf(state).email}
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
