"use client";
import { useActionState } from "react";
import { createMobilePasswordAction } from "@/lib/actions/portal/credentials";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { useProvenAction } from "@/components/ui/use-fresh-proof";
import { fieldErrorsOf, formLevelError, idle, valuesOf, type FormState } from "@/lib/actions/action-result";
import { CredentialReveal } from "./credential-reveal";
import { OWN_CREDENTIALS_KEY, useCreated, type ActionData } from "./use-created";

type Created = ActionData<typeof createMobilePasswordAction>;

/** "Mobile passwords (Exchange ActiveSync)": a generated EAS password for one phone, shown once. */
export function MobilePasswordForm() {
  const [state, action] = useActionState<FormState<Created>, FormData>(useProvenAction(createMobilePasswordAction), idle);
  const { form, shown, hide } = useCreated(state, OWN_CREDENTIALS_KEY);
  const errors = fieldErrorsOf(state);
  return (
    <div className="space-y-4">
      {shown && <CredentialReveal title="Mobile password" secret={shown.secret} user={shown.user} services={["EAS"]} onDone={hide} />}
      <form ref={form} action={action} className="flex max-w-xl flex-col gap-4 sm:flex-row sm:items-end" noValidate>
        <FormMessage tone="error" message={formLevelError(state)} />
        <Field
          name="label"
          label="Label for the mobile password"
          hint="The phone it is for, e.g. “Work phone”."
          defaultValue={valuesOf(state).label}
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
