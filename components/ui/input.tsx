import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";
import { FieldFrame, controlClassName, type FieldErrorValue } from "./field-parts";

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {(wiring) => <input {...wiring} name={name} type={type} className={cn(controlClassName, inputClassName)} {...inputProps} />}
    </FieldFrame>
  );
}

export type { FieldErrorValue } from "./field-parts";
