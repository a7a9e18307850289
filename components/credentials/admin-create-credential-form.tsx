"use client";
import { useState } from "react";
import { adminCreateCredentialAction } from "@/lib/actions/admin/user-credentials";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CredentialReveal } from "./credential-reveal";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import { ServicesPicker } from "./services-picker";
import { WebSessionWarning } from "./web-session-warning";

export type PresetOption = { id: string; label: string; services: string[] };

/** Create: label, services (or a preset), optional chosen password, expiry, IP ranges. */
export function AdminCreateCredentialForm({ userId, services, presets }: { userId: string; services: string[]; presets: PresetOption[] }) {
  const {
    state,
    formProps,
    pending,
    fieldErrors: errors,
    formError,
    values,
    shown,
    dismiss,
  } = useActionForm(adminCreateCredentialAction, {
    invalidate: [queryKeys.userCredentials(userId)],
    keepFieldsOnError: true,
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [preset, setPreset] = useState("");
  // Cleared only after a success: a refused form keeps the services that were ticked. Adjusted
  // while rendering the new state (not in an effect), so no extra render shows the old choice.
  const [pickedFor, setPickedFor] = useState(state);
  if (pickedFor !== state) {
    setPickedFor(state);
    if (state?.ok) {
      setPicked([]);
      setPreset("");
    }
  }
  return (
    <div className="space-y-4">
      {shown &&
        (shown.secret ? (
          <CredentialReveal
            title={`Password for “${shown.credential.label}”`}
            secret={shown.secret}
            user={shown.user}
            services={shown.credential.services}
            onDone={dismiss}
          />
        ) : (
          <FormMessage tone="success" message={`Credential “${shown.credential.label}” created with the password you chose.`} />
        ))}
      <form {...formProps} className="grid max-w-2xl gap-4" noValidate>
        <FormMessage tone="error" message={formError} />
        <input type="hidden" name="userId" value={userId} />
        <Field
          name="label"
          label="Credential label"
          defaultValue={values.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
        />
        <Select
          name="preset"
          label="Preset"
          placeholder="Choose services yourself…"
          value={preset}
          onChange={(e) => {
            setPreset(e.target.value);
            const p = presets.find((x) => x.id === e.target.value);
            if (p) setPicked(p.services);
          }}
          options={presets.map((p) => ({ value: p.id, label: p.label }))}
        />
        <ServicesPicker services={services} value={picked} onChange={(next) => (setPicked(next), setPreset(""))} error={errors?.services} />
        {opensWebSessionWithoutOtp(picked) && <WebSessionWarning />}
        <Field
          name="password"
          type="password"
          label="Password (optional)"
          hint="Leave empty to generate a strong one (recommended). A chosen password needs at least 15 characters."
          maxLength={256}
          autoComplete="new-password"
          error={errors?.password}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="expiresAt" type="date" label="Expires (optional)" defaultValue={values.expiresAt} error={errors?.expiresAt} />
          <Field
            name="allowedIpRanges"
            label="Allowed IP ranges (optional)"
            hint="Comma-separated, e.g. 192.0.2.0/24, 2001:db8::/32. Empty allows any address."
            defaultValue={values.allowedIpRanges}
            maxLength={7000}
            autoComplete="off"
            error={errors?.allowedIpRanges}
          />
        </div>
        <div>
          <SubmitButton pending={pending} pendingLabel="Creating…">
            Create credential
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
