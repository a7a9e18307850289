import type { ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { FieldFrame, controlClassName, type FieldErrorValue } from "./field-parts";

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {(wiring) => (
        <select {...wiring} name={name} className={cn(controlClassName, "pr-8")} {...selectProps}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
