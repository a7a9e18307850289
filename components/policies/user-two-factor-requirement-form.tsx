"use client";
import { setUserTwoFactorRequiredAction } from "@/lib/actions/admin/user-two-factor";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";

/** The "Require 2FA for this user" switch; the page reloads its facts after a change. */
export function UserTwoFactorRequirementForm({
  userId,
  userRequires,
  graceDays,
}: {
  userId: string;
  userRequires: boolean;
  graceDays: number;
}) {
  const { state, formProps, formError } = useActionForm(setUserTwoFactorRequiredAction, { refresh: true });
  const checked = state?.ok ? state.data.required : userRequires;
  return (
    <form {...formProps} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="id" value={userId} />
      <FormMessage tone="error" message={formError} />
      <Checkbox
        // Re-mount when the saved value changes, so the box shows what is stored.
        key={String(checked)}
        name="required"
        label="Require 2FA for this user"
        hint={`An account without a device is sent to enrolment after the password step for ${graceDays} day(s) (its domain's grace period) from when the requirement starts; after that, sign-in is refused until an administrator helps.`}
        defaultChecked={checked}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
      {state?.ok && (
        <FormMessage
          tone="success"
          message={state.data.required ? "2FA is now required for this user." : "2FA is no longer required for this user."}
        />
      )}
    </form>
  );
}
