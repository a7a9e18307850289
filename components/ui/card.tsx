import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  /** Optional heading; rendered as h2 unless headingLevel says otherwise (1 for a page that is one card, like sign-in). */
  title?: ReactNode;
  description?: ReactNode;
  /** Controls shown at the right of the heading (e.g. an "Add" button). */
  actions?: ReactNode;
  headingLevel?: 1 | 2 | 3;
}

/** Surface panel for grouping related content; a <section> when it has a title. */
export function Card({ title, description, actions, headingLevel = 2, className, children, ...rest }: CardProps) {
  const Heading = (["h1", "h2", "h3"] as const)[headingLevel - 1];
  const Element = title ? "section" : "div";
  return (
    <Element className={cn("min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-6", className)} {...rest}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            {title && <Heading className="text-base font-semibold text-fg">{title}</Heading>}
            {description && <p className="mt-1 text-sm text-muted">{description}</p>}
          </div>
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </Element>
  );
}
