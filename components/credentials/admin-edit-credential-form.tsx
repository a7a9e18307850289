"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { adminUpdateCredentialAction } from "@/lib/actions/admin/user-credentials";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { CredentialJson } from "@/lib/credentials/credential-view";
import { opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import { ServicesPicker } from "./services-picker";
import { WebSessionWarning } from "./web-session-warning";

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
  const t = useTranslations("admin.credentials");
  const {
    formProps,
    pending,
    fieldErrors: errors,
    formError,
  } = useActionForm(adminUpdateCredentialAction, {
    invalidate: [queryKeys.userCredentials(userId)],
    toast: (saved) => t("saved", { label: saved.label }),
    onSuccess: onDone,
    keepFieldsOnError: true,
  });
  const [picked, setPicked] = useState<string[]>(credential.services);
  return (
    <section aria-labelledby="edit-credential-heading" className="space-y-3 rounded-lg border border-line p-4">
      <h3 id="edit-credential-heading" className="text-sm font-semibold">
        {t("editHeading", { label: credential.label })}
      </h3>
      <form {...formProps} className="grid max-w-2xl gap-4" noValidate>
        <FormMessage tone="error" message={formError} />
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="id" value={credential.id} />
        <Field
          name="label"
          label={t("label")}
          defaultValue={credential.label}
          maxLength={64}
          required
          autoComplete="off"
          error={errors?.label}
        />
        <Select
          name="enabled"
          label={t("status")}
          defaultValue={String(credential.enabled)}
          options={[
            { value: "true", label: t("statusEnabled") },
            { value: "false", label: t("statusDisabled") },
          ]}
        />
        <ServicesPicker name="services" services={services} value={picked} onChange={setPicked} error={errors?.services} />
        {opensWebSessionWithoutOtp(picked) && <WebSessionWarning />}
        <div className="flex gap-2">
          <SubmitButton pending={pending} pendingLabel={t("saving")}>
            {t("save")}
          </SubmitButton>
          <Button variant="secondary" onClick={onDone}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
