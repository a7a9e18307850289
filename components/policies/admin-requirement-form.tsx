"use client";
import { setAdminTwoFactorRequiredAction } from "@/lib/actions/admin/policies";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import type { AdminTwoFactorSettings } from "@/lib/two-factor/requirements/admin-two-factor-setting";

/** "Require a second factor for administrators", for every domain. */
export function AdminRequirementForm({ settings }: { settings: AdminTwoFactorSettings }) {
  const { state, formProps, formError } = useActionForm(setAdminTwoFactorRequiredAction, { refresh: true });
  const shown = state?.ok ? state.data : settings;
  return (
    <form {...formProps} className="max-w-xl space-y-4" noValidate>
      <p className="text-sm text-muted">
        {shown.adminsWithoutDevice} of {shown.adminCount} administrator(s) have no authenticator device yet.
      </p>
      <FormMessage tone="error" message={formError} />
      <Checkbox
        // A saved change re-renders the box with the stored value.
        key={String(shown.required)}
        name="required"
        label="Require a second factor for administrators"
        hint="Administrators without a device are sent to enrolment after the password step, for their domain's grace days; after that they are refused. On by default for new installations."
        defaultChecked={shown.required}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save for administrators
      </SubmitButton>
      {state?.ok && (
        <FormMessage
          tone="success"
          message={state.data.required ? "Administrators now need a second factor." : "Administrators no longer need a second factor."}
        />
      )}
    </form>
  );
}
