"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { generateSamlCertificateAction } from "@/lib/actions/admin/saml";

/**
 * A new SP key pair and self-signed certificate. Replacing an existing pair breaks signatures the
 * IdP checks until it has the new certificate, so that case asks for a confirmation first.
 */
export function SamlCertificateForm({ domain, hasPrivateKey }: { domain: string; hasPrivateKey: boolean }) {
  const t = useTranslations("admin.saml.certificate");
  const formId = useId();
  const { formProps, fieldErrors, formError, values, pending } = useActionForm(generateSamlCertificateAction, {
    refresh: true,
    keepFieldsOnError: true,
    toast: t("generated"),
  });
  const text = (name: "state" | "location" | "organization" | "organizationalUnit", label: string) => (
    <Field name={name} label={label} defaultValue={values[name]} maxLength={64} autoComplete="off" error={fieldErrors?.[name]} />
  );
  return (
    <form id={formId} {...formProps} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="domain" value={domain} />
      <p className="text-sm">{hasPrivateKey ? t("hasKey") : t("noKey")}</p>
      <FormMessage message={formError} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          label={t("days")}
          defaultValue={values.days ?? "365"}
          error={fieldErrors?.days}
        />
        <Field
          name="country"
          label={t("country")}
          hint={t("countryHint")}
          defaultValue={values.country}
          maxLength={2}
          autoComplete="off"
          error={fieldErrors?.country}
        />
        {text("state", t("state"))}
        {text("location", t("location"))}
        {text("organization", t("organization"))}
        {text("organizationalUnit", t("organizationalUnit"))}
        <Select
          name="digest"
          label={t("digest")}
          defaultValue={values.digest ?? "SHA256"}
          options={[
            { value: "SHA256", label: "SHA256" },
            { value: "SHA512", label: "SHA512" },
          ]}
          error={fieldErrors?.digest}
        />
        <Select
          name="encryption"
          label={t("keySize")}
          defaultValue={values.encryption ?? "RSA:2048"}
          options={[
            { value: "RSA:2048", label: "RSA:2048" },
            { value: "RSA:4096", label: "RSA:4096" },
          ]}
          error={fieldErrors?.encryption}
        />
      </div>
      <div>
        {hasPrivateKey ? (
          <ConfirmButton
            variant="primary"
            form={formId}
            title={t("replaceTitle")}
            description={t("replaceDescription")}
            confirmLabel={t("replaceConfirm")}
          >
            {pending ? t("generating") : t("generate")}
          </ConfirmButton>
        ) : (
          <SubmitButton pending={pending} pendingLabel={t("generating")}>
            {t("generate")}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
