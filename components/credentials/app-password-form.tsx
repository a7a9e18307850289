"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createAppPasswordAction } from "@/lib/actions/portal/credentials";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { CredentialReveal } from "./credential-reveal";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import { ServicesPicker } from "./services-picker";
import { WebSessionWarning } from "./web-session-warning";

/** "App passwords": a generated password for chosen services, with an optional expiry. */
export function AppPasswordForm({ services }: { services: readonly string[] }) {
  const t = useTranslations("credentials.appPassword");
  const {
    state,
    formProps,
    pending,
    fieldErrors: errors,
    formError,
    values,
    shown,
    dismiss,
  } = useActionForm(createAppPasswordAction, {
    invalidate: [queryKeys.ownCredentials],
    keepFieldsOnError: true,
  });
  const [picked, setPicked] = useState<string[]>([]);
  // Cleared only after a success: a refused form keeps the services that were ticked. Adjusted
  // while rendering the new state (not in an effect), so no extra render shows the old ticks.
  const [pickedFor, setPickedFor] = useState(state);
  if (pickedFor !== state) {
    setPickedFor(state);
    if (state?.ok) setPicked([]);
  }
  return (
    <div className="space-y-4">
      {shown && (
        <CredentialReveal
          title={t("revealTitle")}
          secret={shown.secret}
          user={shown.user}
          services={shown.credential.services}
          onDone={dismiss}
        />
      )}
      <form {...formProps} className="grid max-w-2xl gap-4" noValidate>
        <FormMessage tone="error" message={formError} />
        <Field
          name="label"
          label={t("label")}
          hint={t("labelHint")}
          defaultValue={values.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
        />
        <ServicesPicker services={services} value={picked} onChange={setPicked} error={errors?.services} legend={t("services")} />
        {opensWebSessionWithoutOtp(picked) && <WebSessionWarning />}
        <Field
          name="expiresAt"
          type="date"
          label={t("expires")}
          hint={t("expiresHint")}
          defaultValue={values.expiresAt}
          error={errors?.expiresAt}
          className="max-w-xs"
        />
        <div>
          <SubmitButton pending={pending} pendingLabel={t("creating")}>
            {t("submit")}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
