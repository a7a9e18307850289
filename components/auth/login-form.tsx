"use client";
import { useRouter } from "next/navigation";
import { startPasswordLogin } from "@/lib/actions/auth/login";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
/** Email + password. The server keeps the login ticket in an HttpOnly cookie; the next step takes it. */
export function LoginForm({ next }: { next?: string }) {
  const router = useRouter();
  const { finish, error: finishError } = useFinishSignIn(next);
  const { state, formProps, fieldErrors, values } = useActionForm(startPasswordLogin, {
    onSuccess: ({ stage }) => {
      if (stage === "ready") void finish();
      else router.push(`/login/${stage}${next ? `?next=${encodeURIComponent(next)}` : ""}`);
    },
  });

  const message = finishError ?? (state && !state.ok ? state.error.message : null);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage tone="error" message={message} />
      <Field
        name="email"
        defaultValue={values.email}
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
