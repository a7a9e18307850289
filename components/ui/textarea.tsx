import type { ReactNode, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";
import { FieldError, FieldHint, FieldLabel, controlClassName, useFieldIds, type FieldErrorValue } from "./field-parts";

export interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "children"> {
  name: string;
  label: ReactNode;
  error?: FieldErrorValue;
  hint?: ReactNode;
  /** Monospace text, e.g. for pasted certificates or metadata XML. */
  monospace?: boolean;
  className?: string;
}

/** Multi-line field in the same style as Field (certificates, notes, metadata). */
export function TextareaField({
  name,
  label,
  error,
  hint,
  id,
  required,
  monospace = false,
  rows = 4,
  className,
  ...textareaProps
}: TextareaFieldProps) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <FieldLabel htmlFor={ids.controlId} required={required}>
        {label}
      </FieldLabel>
      <textarea
        id={ids.controlId}
        name={name}
        rows={rows}
        required={required}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={cn(controlClassName, monospace && "font-mono text-xs sm:text-xs")}
        {...textareaProps}
      />
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} messages={ids.messages} />
    </div>
  );
}
