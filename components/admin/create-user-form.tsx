"use client";
import { createUserAction } from "@/lib/actions/admin/users";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionForm } from "@/components/forms/use-action-form";
import { queryKeys } from "@/components/providers/query-keys";

export function CreateUserForm() {
  const { state, formProps, fieldErrors: errors, formError, values } = useActionForm(createUserAction, { invalidate: [queryKeys.users] });
  return (
    <form {...formProps} className="grid max-w-xl gap-4" noValidate>
      {state?.ok && <FormMessage tone="success" message={`User ${state.data.email} created.`} />}
      <FormMessage tone="error" message={formError} />
      <Field
        name="email"
        defaultValue={values.email}
        label="Email address"
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        error={errors?.email}
      />
      <Field
        name="displayName"
        defaultValue={values.displayName}
        label="Display name"
        maxLength={128}
        autoComplete="off"
        error={errors?.displayName}
      />
      <Field
        name="password"
        label="Initial password (optional)"
        type="password"
        maxLength={256}
        autoComplete="new-password"
        hint="Leave empty to create the account without a password (it cannot sign in with one until it is set)."
        error={errors?.password}
      />
      <Select
        name="role"
        label="Role"
        defaultValue="user"
        error={errors?.role}
        options={[
          { value: "user", label: "User" },
          { value: "admin", label: "Administrator" },
        ]}
      />
      <div>
        <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
      </div>
    </form>
  );
}
