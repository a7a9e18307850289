import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";
import { FieldError, FieldHint, FieldLabel, controlClassName, useFieldIds, type FieldErrorValue } from "./field-parts";

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "children"> {
  name: string;
  label: ReactNode;
  /** Per-field validation error(s); shown under the input and linked via aria-describedby. */
  error?: FieldErrorValue;
  hint?: ReactNode;
  /** Class for the wrapping element (the input keeps the kit's look). */
  className?: string;
  inputClassName?: string;
}

/** Label + input + optional hint + per-field error, wired for assistive technology. */
export function Field({ name, label, type = "text", error, hint, id, required, className, inputClassName, ...inputProps }: FieldProps) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <FieldLabel htmlFor={ids.controlId} required={required}>
        {label}
      </FieldLabel>
      <input
        id={ids.controlId}
        name={name}
        type={type}
        required={required}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={cn(controlClassName, inputClassName)}
        {...inputProps}
      />
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} messages={ids.messages} />
    </div>
  );
}

export type { FieldErrorValue } from "./field-parts";
