"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { cn } from "@/components/ui/cn";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The link whose href is the longest prefix of the path is current, so
 * "/admin/users/42" highlights "/admin/users" rather than "/admin".
 */
export function findCurrentHref(pathname: string, items: NavItem[]): string | undefined {
  let best: string | undefined;
  for (const item of items) {
    const matches = pathname === item.href || pathname.startsWith(`${item.href.replace(/\/$/, "")}/`);
    if (matches && (!best || item.href.length > best.length)) best = item.href;
  }
  return best;
}

export interface AppNavProps {
  items: NavItem[];
  /** Accessible name of the nav landmark, e.g. "Admin navigation"; "Main navigation" without one. */
  label?: string;
}

/**
 * Primary navigation: a row of links on wide screens, a toggled list under a
 * Menu button on phones. Must sit inside a position: relative header.
 */
export function AppNav({ items, label }: AppNavProps) {
  const t = useTranslations("nav");
  const pathname = usePathname() ?? "";
  const currentHref = findCurrentHref(pathname, items);
  const [open, setOpen] = useState(false);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <nav aria-label={label ?? t("mainNavigation")}>
      <button
        type="button"
        className="inline-flex min-h-10 items-center gap-2 rounded-md border border-line px-3 text-sm font-medium md:hidden"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        {t("menu")}
      </button>
      {/* One list for all widths (no duplicate links): collapsible below md, always shown above. */}
      <ul
        id={listId}
        className={cn(
          open ? "flex" : "hidden",
          // Phones: a panel dropping below the header (the header is position: relative).
          "absolute inset-x-0 top-full z-40 flex-col gap-1 border-b border-line bg-surface px-4 py-3 shadow-md",
          "md:static md:flex md:flex-row md:flex-wrap md:border-0 md:bg-transparent md:p-0 md:shadow-none",
        )}
      >
        {items.map((item) => {
          const isCurrent = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium no-underline",
                  isCurrent ? "bg-surface-muted text-fg" : "text-muted hover:bg-surface-muted hover:text-fg",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
