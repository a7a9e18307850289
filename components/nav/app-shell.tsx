import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppNav, type NavItem } from "./app-nav";

export type { NavItem } from "./app-nav";

export interface AppShellProps {
  /** Links for the primary navigation, in display order. */
  nav: NavItem[];
  children: ReactNode;
  /** Right-hand slot, typically the sign-out <form>. */
  signOut?: ReactNode;
  /** Signed-in identity shown next to sign-out on wider screens (e.g. the email). */
  user?: ReactNode;
  /** Area name shown after the product name, e.g. "Admin" or "Account". */
  area?: string;
  /** Where the product name links to. */
  homeHref?: string;
}

/** Page frame for the portal and admin console: top bar, responsive nav, skip link, <main id="main">. */
export function AppShell({ nav, children, signOut, user, area, homeHref = "/" }: AppShellProps) {
  const t = useTranslations("nav");
  const common = useTranslations("common");
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-4 focus:py-2 focus:text-fg focus:shadow-lg"
      >
        {t("skipToContent")}
      </a>
      <header className="relative border-b border-line bg-surface">
        <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 md:gap-x-4 py-2 sm:px-6">
          <Link href={homeHref} className="mr-auto flex items-baseline gap-2 py-2 text-fg no-underline md:mr-0">
            <span className="text-base font-semibold tracking-tight">{common("appName")}</span>
            {area && <span className="text-sm text-muted">{area}</span>}
          </Link>
          <AppNav items={nav} label={area ? t("areaNavigation", { area }) : t("mainNavigation")} />
          <div className="flex items-center gap-3 md:ml-auto">
            {user && <span className="hidden max-w-56 truncate text-sm text-muted lg:inline">{user}</span>}
            {signOut}
          </div>
        </div>
      </header>
      {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6">
        {children}
      </main>
    </div>
  );
}
