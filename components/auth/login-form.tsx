"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { startPasswordLogin } from "@/app/(auth)/login/actions";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/button";
import { idle, type FormState, valuesOf } from "@/lib/actions/action-result";

type Stage = { stage: "otp" | "enrol" | "ready" };

/** Email + password. The server keeps the login ticket in an HttpOnly cookie; next-auth finishes. */
export function LoginForm({ next }: { next?: string }) {
  const router = useRouter();
  const [state, action] = useActionState<FormState<Stage>, FormData>(startPasswordLogin, idle);
  const [finishError, setFinishError] = useState<string | null>(null);

  useEffect(() => {
    if (!state?.ok) return;
    if (state.data.stage !== "ready") {
      router.push(`/login/${state.data.stage}${next ? `?next=${encodeURIComponent(next)}` : ""}`);
      return;
    }
    signIn("ticket", { redirect: false }).then((res) => {
      if (res?.ok) router.replace(next ?? "/");
      else setFinishError("The sign-in could not be completed. Try again.");
    });
  }, [state, next, router]);

  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const message = finishError ?? (state && !state.ok ? state.error.message : null);
  return (
    <form action={action} className="space-y-4" noValidate>
      {message && <FormMessage tone="error" message={message} />}
      <Field
        name="email"
        defaultValue={valuesOf(state).email}
        label="Email address"
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        error={fieldErrors?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
        error={fieldErrors?.password}
      />
      <SubmitButton fullWidth pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
