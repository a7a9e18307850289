import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";
import { FieldError, FieldHint, useFieldIds, type FieldErrorValue } from "./field-parts";

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type" | "children"> {
  name: string;
  label: ReactNode;
  error?: FieldErrorValue;
  hint?: ReactNode;
  className?: string;
}

/**
 * Checkbox with its label to the right. Unchecked boxes are absent from FormData,
 * so server code should read `formData.get(name) === value` (value defaults to "on").
 */
export function Checkbox({ name, label, error, hint, id, className, ...inputProps }: CheckboxProps) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-start gap-2.5">
        <input
          id={ids.controlId}
          name={name}
          type="checkbox"
          aria-invalid={ids.invalid || undefined}
          aria-describedby={ids.describedBy}
          className="mt-0.5 size-4 shrink-0 accent-accent disabled:cursor-not-allowed"
          {...inputProps}
        />
        <label htmlFor={ids.controlId} className="text-sm text-fg">
          {label}
        </label>
      </div>
      {(ids.hintId || ids.errorId) && (
        <div className="pl-6.5">
          <FieldHint id={ids.hintId}>{hint}</FieldHint>
          <FieldError id={ids.errorId} messages={ids.messages} />
        </div>
      )}
    </div>
  );
}
