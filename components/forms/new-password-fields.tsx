import type { ReactNode } from "react";
import { Field } from "@/components/ui/input";
import type { FieldErrorValue } from "@/components/ui/field-parts";

// PASSWORD_MAX of lib/passwords/password-policy.ts, which reads its blocklist from disk and so
// cannot be imported into the browser; the server checks the real limit.
const PASSWORD_MAX = 256;

/**
 * A new password and its confirmation, as every form that sets one asks for it (the portal's
 * password change, the new hire's auth link): autocomplete="new-password" so password managers
 * offer to generate and save it, the policy's hint, per-field errors.
 */
export function NewPasswordFields(props: {
  name: string;
  label: ReactNode;
  confirmLabel: ReactNode;
  hint: ReactNode;
  errors?: Record<string, FieldErrorValue | undefined> | null;
}) {
  const { name, label, confirmLabel, hint, errors } = props;
  return (
    <>
      <Field
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
        hint={hint}
        error={errors?.[name]}
      />
      <Field
        name="confirmPassword"
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
        error={errors?.confirmPassword}
      />
    </>
  );
}
