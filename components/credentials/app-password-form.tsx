"use client";
import { useActionState, useState } from "react";
import { createAppPasswordAction } from "@/lib/actions/portal/credentials";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { useProvenAction } from "@/components/ui/use-fresh-proof";
import { fieldErrorsOf, formLevelError, idle, valuesOf, type FormState } from "@/lib/actions/action-result";
import { CredentialReveal } from "./credential-reveal";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import { ServicesPicker } from "./services-picker";
import { useKeptForm } from "./use-kept-form";
import { WebSessionWarning } from "./web-session-warning";
import { OWN_CREDENTIALS_KEY, useCreated, type ActionData } from "./use-created";

type Created = ActionData<typeof createAppPasswordAction>;

/** "App passwords": a generated password for chosen services, with an optional expiry. */
export function AppPasswordForm({ services }: { services: readonly string[] }) {
  const [state, action] = useActionState<FormState<Created>, FormData>(useProvenAction(createAppPasswordAction), idle);
  const { form, shown, hide } = useCreated(state, OWN_CREDENTIALS_KEY);
  const [picked, setPicked] = useState<string[]>([]);
  // Cleared only after a success: a refused form keeps the services that were ticked. Adjusted
  // while rendering the new state (not in an effect), so no extra render shows the old ticks.
  const [pickedFor, setPickedFor] = useState(state);
  if (pickedFor !== state) {
    setPickedFor(state);
    if (state?.ok) setPicked([]);
  }
  const submit = useKeptForm(action);
  const errors = fieldErrorsOf(state);
  return (
    <div className="space-y-4">
      {shown && (
        <CredentialReveal title="App password" secret={shown.secret} user={shown.user} services={shown.credential.services} onDone={hide} />
      )}
      <form ref={form} onSubmit={submit.onSubmit} className="grid max-w-2xl gap-4" noValidate>
        <FormMessage tone="error" message={formLevelError(state)} />
        <Field
          name="label"
          label="Label for the app password"
          hint="The program or device, e.g. “Thunderbird at home”."
          defaultValue={valuesOf(state).label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
        />
        <ServicesPicker services={services} value={picked} onChange={setPicked} error={errors?.services} legend="Services it may use" />
        {opensWebSessionWithoutOtp(picked) && <WebSessionWarning />}
        <Field
          name="expiresAt"
          type="date"
          label="Expires (optional)"
          hint="It stops working after this day. Leave empty to keep it until you delete it."
          defaultValue={valuesOf(state).expiresAt}
          error={errors?.expiresAt}
          className="max-w-xs"
        />
        <div>
          <SubmitButton pending={submit.pending} pendingLabel="Creating…">
            Create app password
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
