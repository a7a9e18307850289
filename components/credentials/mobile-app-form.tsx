"use client";
import { useState } from "react";
import { createMobileAppQrAction } from "@/lib/actions/portal/credentials";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { CredentialReveal } from "./credential-reveal";
import { formatTime } from "@/lib/format/format-time";

const MODES = [
  {
    value: "password",
    label: "QR code with a password",
    hint: "Works with the Carbonio-style mobile apps: the code holds a new MobileApp password for this device.",
  },
  {
    value: "one-time",
    label: "One-time QR code",
    hint: "Safer: the code holds a single-use token valid 10 minutes; the app trades it for its own password. A photo of the code is useless afterwards.",
  },
] as const;

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
  const [mode, setMode] = useState<"password" | "one-time">("password");
  return (
    <div className="space-y-4">
      {shown && (
        <CredentialReveal
          title="Mobile app password"
          secret={shown.secret}
          qr={shown.qr}
          qrLabel={shown.mode === "one-time" ? "One-time QR code for the mobile app" : "QR code for the mobile app"}
          note="If you cannot scan, type your address and this password into the app."
          onDone={dismiss}
        />
      )}
      {shown?.mode === "one-time" && (
        <FormMessage
          tone="info"
          message={`Valid once, until ${formatTime(shown.expiresAt)}. It is not listed below until the app uses it.`}
        />
      )}
      <form {...formProps} className="grid max-w-xl gap-4" noValidate>
        <FormMessage tone="error" message={formError} />
        <Field
          name="label"
          label="Label for the mobile app"
          hint="The device, e.g. “Tablet”."
          defaultValue={values.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
        />
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">Kind of QR code</legend>
          {MODES.map((m) => (
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
          <SubmitButton pendingLabel="Creating…">Create QR code</SubmitButton>
        </div>
      </form>
    </div>
  );
}
