"use client";
import { useActionState, useEffect, useEffectEvent, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { adminUpdateCredentialAction } from "@/lib/actions/admin/user-credentials";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { fieldErrorsOf, formLevelError, idle, type FormState } from "@/lib/actions/action-result";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import { ServicesPicker } from "./services-picker";
import { useKeptForm } from "./use-kept-form";
import { WebSessionWarning } from "./web-session-warning";
import { userCredentialsKey, type ActionData } from "./use-created";

type Updated = ActionData<typeof adminUpdateCredentialAction>;

/** Edit label, status and services of one credential (its secret never changes). */
export function AdminEditCredentialForm({
  userId,
  credential,
  services,
  onDone,
}: {
  userId: string;
  credential: CredentialJson;
  services: string[];
  onDone: () => void;
}) {
  const [state, action] = useActionState<FormState<Updated>, FormData>(adminUpdateCredentialAction, idle);
  const [picked, setPicked] = useState<string[]>(credential.services);
  const queryClient = useQueryClient();
  const toast = useToast();
  // Runs once per saved state; an effect event reads the latest toast/onDone without being a trigger.
  const onSaved = useEffectEvent((label: string) => {
    toast.success(`“${label}” saved.`);
    void queryClient.invalidateQueries({ queryKey: userCredentialsKey(userId) });
    onDone();
  });
  useEffect(() => {
    if (state?.ok) onSaved(state.data.label);
  }, [state]);
  const submit = useKeptForm(action);
  const errors = fieldErrorsOf(state);
  return (
    <section aria-labelledby="edit-credential-heading" className="space-y-3 rounded-lg border border-line p-4">
      <h3 id="edit-credential-heading" className="text-sm font-semibold">
        Edit “{credential.label}”
      </h3>
      <form onSubmit={submit.onSubmit} className="grid max-w-2xl gap-4" noValidate>
        <FormMessage tone="error" message={formLevelError(state)} />
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="id" value={credential.id} />
        <Field
          name="label"
          label="Credential label"
          defaultValue={credential.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
        />
        <Select
          name="enabled"
          label="Status"
          defaultValue={String(credential.enabled)}
          options={[
            { value: "true", label: "Enabled" },
            { value: "false", label: "Disabled" },
          ]}
        />
        <ServicesPicker name="services" services={services} value={picked} onChange={setPicked} error={errors?.services} />
        {opensWebSessionWithoutOtp(picked) && <WebSessionWarning />}
        <div className="flex gap-2">
          <SubmitButton pending={submit.pending} pendingLabel="Saving…">
            Save changes
          </SubmitButton>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
