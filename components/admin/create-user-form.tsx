"use client";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/lib/actions/admin/users";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";

export function CreateUserForm() {
  const t = useTranslations("admin.createUser");
  const { state, formProps, fieldErrors: errors, formError, values } = useActionForm(createUserAction, { invalidate: [queryKeys.users] });
  return (
    <form {...formProps} className="grid max-w-xl gap-4" noValidate>
      {state?.ok && <FormMessage tone="success" message={t("created", { email: state.data.email })} />}
      <FormMessage tone="error" message={formError} />
      <Field
        name="email"
        defaultValue={values.email}
        label={t("email")}
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        error={errors?.email}
      />
      <Field
        name="displayName"
        defaultValue={values.displayName}
        label={t("displayName")}
        maxLength={128}
        autoComplete="off"
        error={errors?.displayName}
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        maxLength={256}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={errors?.password}
      />
      <Select
        name="role"
        label={t("role")}
        defaultValue="user"
        error={errors?.role}
        options={[
          { value: "user", label: t("roleUser") },
          { value: "admin", label: t("roleAdmin") },
        ]}
      />
      <div>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
