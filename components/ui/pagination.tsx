"use client";
import { useTranslations } from "next-intl";

import { Button } from "./button-base";
import { cn } from "./cn";

export interface PaginationProps {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  /** Disable both buttons, e.g. while the next page loads. */
  disabled?: boolean;
  /** Accessible name of the nav landmark; set it when a page has several lists. */
  label?: string;
  /** Render nothing when everything fits on one page. */
  hideWhenSinglePage?: boolean;
  className?: string;
}

/** Previous / next pager with "Page X of Y". */
export function Pagination({
  page,
  pageCount,
  onPageChange,
  disabled = false,
  label,
  hideWhenSinglePage = false,
  className,
}: PaginationProps) {
  const t = useTranslations("ui.pagination");
  const totalPages = Math.max(1, pageCount);
  const currentPage = Math.min(Math.max(1, page), totalPages);
  if (hideWhenSinglePage && totalPages <= 1) return null;

  return (
    <nav aria-label={label ?? t("label")} className={cn("mt-4 flex flex-wrap items-center justify-between gap-3", className)}>
      <Button variant="secondary" size="sm" disabled={disabled || currentPage <= 1} onClick={() => onPageChange(currentPage - 1)}>
        <span aria-hidden="true">←</span> {t("previous")}
      </Button>
      <p className="text-sm text-muted" aria-live="polite">
        {t("pageOf", { page: currentPage, pages: totalPages })}
      </p>
      <Button variant="secondary" size="sm" disabled={disabled || currentPage >= totalPages} onClick={() => onPageChange(currentPage + 1)}>
        {t("next")} <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}
