import type { ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { FieldError, FieldHint, FieldLabel, controlClassName, useFieldIds, type FieldErrorValue } from "./field-parts";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "children"> {
  name: string;
  label: ReactNode;
  options: SelectOption[];
  /** Adds a first empty-valued option, e.g. "Choose a domain…". */
  placeholder?: string;
  error?: FieldErrorValue;
  hint?: ReactNode;
  className?: string;
}

/** Native select in the Field style (label, hint, error, aria wiring). */
export function Select({ name, label, options, placeholder, error, hint, id, required, className, ...selectProps }: SelectProps) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <FieldLabel htmlFor={ids.controlId} required={required}>
        {label}
      </FieldLabel>
      <select
        id={ids.controlId}
        name={name}
        required={required}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={cn(controlClassName, "pr-8")}
        {...selectProps}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} messages={ids.messages} />
    </div>
  );
}
