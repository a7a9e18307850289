"use client";
import { createMobilePasswordAction } from "@/lib/actions/portal/credentials";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { CredentialReveal } from "./credential-reveal";

/** "Mobile passwords (Exchange ActiveSync)": a generated EAS password for one phone, shown once. */
export function MobilePasswordForm() {
  const {
    formProps,
    fieldErrors: errors,
    formError,
    values,
    shown,
    dismiss,
  } = useActionForm(createMobilePasswordAction, {
    invalidate: [queryKeys.ownCredentials],
  });
  return (
    <div className="space-y-4">
      {shown && <CredentialReveal title="Mobile password" secret={shown.secret} user={shown.user} services={["EAS"]} onDone={dismiss} />}
      <form {...formProps} className="flex max-w-xl flex-col gap-4 sm:flex-row sm:items-end" noValidate>
        <FormMessage tone="error" message={formError} />
        <Field
          name="label"
          label="Label for the mobile password"
          hint="The phone it is for, e.g. “Work phone”."
          defaultValue={values.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
          className="flex-1"
        />
        <SubmitButton pendingLabel="Creating…">Create mobile password</SubmitButton>
      </form>
    </div>
  );
}
