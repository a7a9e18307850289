"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createUserAction } from "@/lib/actions/admin/users";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formLevelError, valuesOf } from "@/lib/actions/action-result";
import { useFormAction } from "@/components/ui/use-form-action";

export function CreateUserForm() {
  const queryClient = useQueryClient();
  const {
    state,
    formAction,
    formRef,
    fieldErrors: errors,
  } = useFormAction(createUserAction, () => {
    void queryClient.invalidateQueries({ queryKey: ["users"] });
  });
  return (
    <form ref={formRef} action={formAction} className="grid max-w-xl gap-4" noValidate>
      {state?.ok && <FormMessage tone="success" message={`User ${state.data.email} created.`} />}
      <FormMessage tone="error" message={formLevelError(state)} />
      <Field
        name="email"
        defaultValue={valuesOf(state).email}
        label="Email address"
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        error={errors?.email}
      />
      <Field
        name="displayName"
        defaultValue={valuesOf(state).displayName}
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
