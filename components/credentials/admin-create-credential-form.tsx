"use client";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("admin.credentials");
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
            title={t("passwordFor", { label: shown.credential.label })}
            secret={shown.secret}
            user={shown.user}
            services={shown.credential.services}
            onDone={dismiss}
          />
        ) : (
          <FormMessage tone="success" message={t("createdWithChosen", { label: shown.credential.label })} />
        ))}
      <form {...formProps} className="grid max-w-2xl gap-4" noValidate>
        <FormMessage tone="error" message={formError} />
        <input type="hidden" name="userId" value={userId} />
        <Field
          name="label"
          label={t("label")}
          defaultValue={values.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
        />
        <Select
          name="preset"
          label={t("preset")}
          placeholder={t("presetNone")}
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
          label={t("password")}
          hint={t("passwordHint")}
          maxLength={256}
          autoComplete="new-password"
          error={errors?.password}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="expiresAt" type="date" label={t("expires")} defaultValue={values.expiresAt} error={errors?.expiresAt} />
          <Field
            name="allowedIpRanges"
            label={t("ipRanges")}
            hint={t("ipRangesHint")}
            defaultValue={values.allowedIpRanges}
            maxLength={7000}
            autoComplete="off"
            error={errors?.allowedIpRanges}
          />
        </div>
        <div>
          <SubmitButton pending={pending} pendingLabel={t("creating")}>
            {t("create")}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
