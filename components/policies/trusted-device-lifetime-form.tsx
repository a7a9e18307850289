"use client";
import { useActionState } from "react";
import { setTrustedDeviceLifetimeAction } from "@/lib/actions/admin/policies";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { fieldErrorsOf, formLevelError, idle, valuesOf, type FormState } from "@/lib/actions/action-result";
import { TRUSTED_DEVICE_LIFETIME } from "@/lib/two-factor/policies/policy-values";

/** How long "Trust this device" lasts, for every domain. */
export function TrustedDeviceLifetimeForm({ days }: { days: number }) {
  const [state, action] = useActionState<FormState<{ days: number }>, FormData>(setTrustedDeviceLifetimeAction, idle);
  const saved = state?.ok ? state.data.days : days;
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          className="flex-1"
          name="days"
          type="number"
          inputMode="numeric"
          min={TRUSTED_DEVICE_LIFETIME.minDays}
          max={TRUSTED_DEVICE_LIFETIME.maxDays}
          label="Trusted devices expire after (days)"
          hint={`${TRUSTED_DEVICE_LIFETIME.minDays} to ${TRUSTED_DEVICE_LIFETIME.maxDays} days. Shortening it also shortens devices already trusted.`}
          defaultValue={valuesOf(state).days ?? String(saved)}
          error={fieldErrorsOf(state)?.days}
        />
        <SubmitButton className="sm:mt-6" variant="secondary" pendingLabel="Saving…">
          Save lifetime
        </SubmitButton>
      </div>
      {state?.ok && <FormMessage tone="success" message={`Trusted devices now expire after ${state.data.days} day(s).`} />}
      <FormMessage tone="error" message={formLevelError(state)} />
    </form>
  );
}
