"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createMobileAppQrAction } from "@/lib/actions/portal/credentials";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { CredentialReveal } from "./credential-reveal";
import { formatTime } from "@/lib/format/format-time";

/** "Mobile apps": a QR code that signs the mobile app in, shown once. */
export function MobileAppForm() {
  const {
    formProps,
    fieldErrors: errors,
    formError,
    values,
    shown,
    dismiss,
  } = useActionForm(createMobileAppQrAction, {
    invalidate: [queryKeys.ownCredentials],
  });
  const t = useTranslations("credentials.mobileApp");
  const [mode, setMode] = useState<"password" | "one-time">("password");
  const modes = [
    { value: "password", label: t("modePassword"), hint: t("modePasswordHint") },
    { value: "one-time", label: t("modeOneTime"), hint: t("modeOneTimeHint") },
  ] as const;
  return (
    <div className="space-y-4">
      {shown && (
        <CredentialReveal
          title={t("revealTitle")}
          secret={shown.secret}
          qr={shown.qr}
          qrLabel={shown.mode === "one-time" ? t("qrLabelOneTime") : t("qrLabel")}
          note={t("note")}
          onDone={dismiss}
        />
      )}
      {shown?.mode === "one-time" && <FormMessage tone="info" message={t("validOnce", { until: formatTime(shown.expiresAt) })} />}
      <form {...formProps} className="grid max-w-xl gap-4" noValidate>
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
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">{t("kind")}</legend>
          {modes.map((m) => (
            <label key={m.value} className="flex items-start gap-2.5 text-sm">
              <input
                type="radio"
                name="mode"
                value={m.value}
                checked={mode === m.value}
                onChange={() => setMode(m.value)}
                className="mt-0.5 size-4 accent-accent"
              />
              <span>
                <span className="font-medium">{m.label}</span>
                <span className="block text-muted">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div>
          <SubmitButton pendingLabel={t("creating")}>{t("submit")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
