import { useId, type HTMLAttributes, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { cn } from "./cn";

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  /** Describes the table for screen readers; keep it even when visually hidden. */
  caption?: ReactNode;
  /** Hide the caption visually but keep it for assistive technology. */
  captionSrOnly?: boolean;
  /** Class for the scroll wrapper around the table. */
  wrapperClassName?: string;
}

/** Table in a horizontally scrollable, keyboard-focusable region so narrow screens never overflow. */
export function Table({ caption, captionSrOnly = false, wrapperClassName, className, children, ...rest }: TableProps) {
  const captionId = `table-caption-${useId()}`;
  return (
    <div
      className={cn("relative w-full overflow-x-auto rounded-lg border border-line bg-surface", wrapperClassName)}
      // Scrollable regions need to be reachable by keyboard to scroll them. "relative" keeps
      // absolutely placed descendants (sr-only text) inside the scroller, not widening the page.
      tabIndex={0}
      role={caption ? "region" : undefined}
      aria-labelledby={caption ? captionId : undefined}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...rest}>
        {caption && (
          <caption id={captionId} className={cn(captionSrOnly ? "sr-only" : "px-4 py-3 text-left text-sm font-medium text-fg")}>
            {caption}
          </caption>
        )}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("bg-surface-muted text-muted", className)} {...rest} />;
}

export function TBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-line", className)} {...rest} />;
}

export function Tr({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("align-top", className)} {...rest} />;
}

export function Th({ className, scope = "col", ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope={scope} className={cn("whitespace-nowrap px-4 py-2.5 text-xs font-semibold uppercase tracking-wide", className)} {...rest} />
  );
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 text-fg", className)} {...rest} />;
}
