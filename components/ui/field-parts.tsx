import { useId, type ReactNode } from "react";
import { cn } from "./cn";

/** Per-field error as returned by zod's flatten() (string[]) or a single message. */
export type FieldErrorValue = string[] | string | null | undefined;

export function errorMessages(error: FieldErrorValue): string[] {
  if (!error) return [];
  return (Array.isArray(error) ? error : [error]).filter((message) => message.length > 0);
}

export interface FieldIds {
  controlId: string;
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
  invalid: boolean;
  messages: string[];
}

/** Stable ids plus the aria wiring every field shares (hint first, then error). */
export function useFieldIds(options: { id?: string; hint?: ReactNode; error?: FieldErrorValue }): FieldIds {
  const generated = useId();
  const controlId = options.id ?? `field-${generated}`;
  const messages = errorMessages(options.error);
  const hintId = options.hint ? `${controlId}-hint` : undefined;
  const errorId = messages.length > 0 ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { controlId, hintId, errorId, describedBy, invalid: messages.length > 0, messages };
}

export const controlClassName = cn(
  "block w-full min-h-10 rounded-md border border-line-strong bg-surface px-3 py-2 text-base text-fg sm:text-sm",
  "placeholder:text-muted disabled:cursor-not-allowed disabled:opacity-60",
  "aria-[invalid=true]:border-danger",
);

export function FieldLabel({ htmlFor, required, children }: { htmlFor: string; required?: boolean; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-fg">
      {children}
      {/* The input's own required attribute tells assistive tech; the star is visual only. */}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-danger">
          *
        </span>
      )}
    </label>
  );
}

export function FieldHint({ id, children }: { id: string | undefined; children: ReactNode }) {
  if (!id || !children) return null;
  return (
    <p id={id} className="text-sm text-muted">
      {children}
    </p>
  );
}

/** Error text referenced by aria-describedby; no role="alert" so screen readers aren't spammed. */
export function FieldError({ id, messages }: { id: string | undefined; messages: string[] }) {
  if (!id || messages.length === 0) return null;
  return (
    <p id={id} className="text-sm font-medium text-danger">
      {messages.join(" ")}
    </p>
  );
}

/** The props every form control gets from its frame: id, required and the aria wiring. */
export type ControlWiring = { id: string; required?: boolean; "aria-invalid"?: true; "aria-describedby"?: string };

/** Label + control + hint + error, shared by Field and Select; `children` renders the control. */
export function FieldFrame(props: {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldErrorValue;
  required?: boolean;
  className?: string;
  children: (wiring: ControlWiring) => ReactNode;
}) {
  const ids = useFieldIds({ id: props.id, hint: props.hint, error: props.error });
  const wiring: ControlWiring = {
    id: ids.controlId,
    required: props.required,
    "aria-invalid": ids.invalid || undefined,
    "aria-describedby": ids.describedBy,
  };
  return (
    <div className={cn("flex flex-col gap-1.5", props.className)}>
      <FieldLabel htmlFor={ids.controlId} required={props.required}>
        {props.label}
      </FieldLabel>
      {props.children(wiring)}
      <FieldHint id={ids.hintId}>{props.hint}</FieldHint>
      <FieldError id={ids.errorId} messages={ids.messages} />
    </div>
  );
}
