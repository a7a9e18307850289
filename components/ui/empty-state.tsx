import type { ReactNode } from "react";
import { cn } from "./cn";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Usually a button or link that creates the first item. */
  action?: ReactNode;
  className?: string;
}

/** Placeholder for empty lists that says what is missing and how to add it. */
export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center gap-2 rounded-lg border border-dashed border-line px-4 py-10 text-center", className)}>
      <p className="text-base font-medium text-fg">{title}</p>
      {description && <p className="max-w-prose text-sm text-muted">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
