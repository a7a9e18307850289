"use client";
import Link from "next/link";
import { completeSetupAction } from "@/lib/actions/auth/setup";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";

export function SetupForm({ token }: { token: string }) {
  const { state, formProps, fieldErrors: errors, formError, values } = useActionForm(completeSetupAction);
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
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage tone="error" message={formError} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="email"
        defaultValue={values.email}
        label="Email address"
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        error={errors?.email}
      />
      <Field
        name="displayName"
        defaultValue={values.displayName}
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
