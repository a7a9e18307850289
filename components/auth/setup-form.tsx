"use client";
import Link from "next/link";
import { useActionState } from "react";
import { completeSetupAction } from "@/lib/actions/auth/setup";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { formLevelError, idle, type FormState, valuesOf } from "@/lib/actions/action-result";

export function SetupForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState<{ email: string }>, FormData>(completeSetupAction, idle);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success" message={`Administrator ${state.data.email} created.`} />
        <Link className="font-medium underline" href="/login">
          Sign in
        </Link>
      </div>
    );
  }
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage tone="error" message={formLevelError(state)} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="email"
        defaultValue={valuesOf(state).email}
        label="Email address"
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        error={errors?.email}
      />
      <Field
        name="displayName"
        defaultValue={valuesOf(state).displayName}
        label="Display name"
        autoComplete="name"
        maxLength={128}
        error={errors?.displayName}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={256}
        hint="At least 15 characters (8 once two-factor sign-in is on); a long passphrase is best. Common passwords are refused."
        error={errors?.password}
      />
      <SubmitButton fullWidth pendingLabel="Creating…">
        Create administrator
      </SubmitButton>
    </form>
  );
}
