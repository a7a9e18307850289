import type { ReactNode } from "react";
import { cn } from "./cn";

export type FormMessageTone = "error" | "success" | "info";

export interface FormMessageProps {
  tone?: FormMessageTone;
  /** Message text; nothing renders when empty so callers can pass state.message directly. */
  message?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
}

const toneClasses: Record<FormMessageTone, string> = {
  error: "border-danger/40 bg-danger-soft text-danger",
  success: "border-success/40 bg-success-soft text-success",
  info: "border-line bg-surface-muted text-fg",
};

/**
 * Form-level banner. Errors use role="alert" (announced at once); success and
 * info use role="status" (polite), matching how urgent each is.
 */
export function FormMessage({ tone = "error", message, children, className, id }: FormMessageProps) {
  const content = children ?? message;
  if (content === undefined || content === null || content === "" || content === false) return null;
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2 text-sm font-medium", toneClasses[tone], className)}
    >
      {content}
    </div>
  );
}
