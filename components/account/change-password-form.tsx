"use client";
import { changePasswordAction } from "@/lib/actions/portal/password";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { useActionForm } from "@/components/forms/use-action-form";

/** `credentials`: how many app passwords and devices (service credentials) the account has now. */
export function ChangePasswordForm({ credentials }: { credentials: number }) {
  const { state, formProps, fieldErrors: errors, formError } = useActionForm(changePasswordAction, { refresh: true });
  return (
    <form {...formProps} className="max-w-md space-y-4" noValidate>
      {state?.ok && (
        <FormMessage
          tone="success"
          message={
            "Password changed. Other sessions were signed out." +
            (state.data.credentials === 1
              ? " 1 app password or device was signed out too."
              : state.data.credentials > 1
                ? ` ${state.data.credentials} app passwords and devices were signed out too.`
                : "")
          }
        />
      )}
      <FormMessage tone="error" message={formError} />
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
      {/* With nothing to choose, anything made meanwhile (or an unused one-time QR code) still goes. */}
      {credentials === 0 && <input type="hidden" name="signOutCredentials" value="on" />}
      {credentials > 0 && (
        <Checkbox
          name="signOutCredentials"
          defaultChecked
          label={`Also sign out my app passwords and devices (${credentials})`}
          hint="Their service credentials are deleted; set the apps and phones up again with new ones. Your other browsers are signed out either way."
        />
      )}
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
