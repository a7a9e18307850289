"use client";
import { changePasswordAction } from "@/app/(portal)/account/actions";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { formLevelError } from "@/lib/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";

export function ChangePasswordForm() {
  const { state, formAction, formRef, fieldErrors: errors } = useFormAction(changePasswordAction);
  return (
    <form ref={formRef} action={formAction} className="max-w-md space-y-4" noValidate>
      {state?.ok && <FormMessage tone="success" message="Password changed. Other sessions were signed out." />}
      <FormMessage tone="error" message={formLevelError(state)} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
        error={errors?.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={256}
        hint="At least 15 characters, or 8 with two-factor sign-in on. A long passphrase is best."
        error={errors?.newPassword}
      />
      <Field
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        maxLength={256}
        error={errors?.confirmPassword}
      />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
