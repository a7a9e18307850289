"use client";
import { useTranslations } from "next-intl";

import { useId, type ReactNode } from "react";
import { CopyButton } from "./copy-button";
import { cn } from "./cn";

export interface SecretRevealProps {
  /** What the secret is, e.g. "App password" or "Setup link". */
  label: ReactNode;
  /** The secret itself; rendered verbatim and copied verbatim. */
  value: string;
  /** Extra guidance under the warning, e.g. where to paste it. */
  note?: ReactNode;
  className?: string;
}

/**
 * Displays a freshly generated secret. The server never stores it in clear, so
 * this is the only time it can be seen; the warning says so.
 */
export function SecretReveal({ label, value, note, className }: SecretRevealProps) {
  const t = useTranslations("ui.secret");
  const baseId = useId();
  const labelId = `${baseId}-label`;
  const valueId = `${baseId}-value`;
  return (
    <section
      aria-labelledby={labelId}
      className={cn("flex flex-col gap-2 rounded-lg border border-warning/40 bg-warning-soft p-4", className)}
    >
      <h2 id={labelId} className="text-sm font-semibold text-fg">
        {label}
      </h2>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-2">
          {/* Only the value inside this element, so tests and users copy exactly the secret. */}
          <code id={valueId} data-testid="secret-value" className="block select-all break-all font-mono text-sm text-fg">
            {value}
          </code>
        </div>
        <CopyButton text={value} targetId={valueId} label={typeof label === "string" ? label : t("fallbackLabel")} />
      </div>
      <p className="text-sm font-medium text-warning">{t("shownOnce")}</p>
      {note && <div className="text-sm text-muted">{note}</div>}
    </section>
  );
}
