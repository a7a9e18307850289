"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

// While printing, only the codes sheet is visible: the rest of the page is hidden, not removed,
// so the sheet keeps its layout and nothing else (navigation, other secrets) lands on paper.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .gh-print-sheet, .gh-print-sheet * { visibility: visible !important; }
  .gh-print-sheet { position: absolute; left: 0; top: 0; width: 100%; border: none !important; background: white !important; color: black !important; }
  .gh-print-hide { display: none !important; }
  .gh-print-only { display: block !important; }
}`;

export interface RecoveryCodesPanelProps {
  codes: string[];
  /** Whose codes these are, printed on the sheet. */
  account?: string;
  /** Shown under the codes as the way out, e.g. "I have saved these codes". */
  onDone?: () => void;
  doneLabel?: string;
  /** 3 under a card's h2 (the security page); 2 where the card's heading is the page's h1 (sign-in). */
  headingLevel?: 2 | 3;
}

/** The codes as a text file the browser saves: made here, so they never travel again. */
function downloadCodes(codes: string[], heading: string, note: string) {
  const text = `${heading}\n${note}\n\n${codes.join("\n")}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = "gatehouse-recovery-codes.txt";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/** Freshly issued recovery codes: shown once, with download, copy and a print view. */
export function RecoveryCodesPanel({ codes, account, onDone, doneLabel, headingLevel = 3 }: RecoveryCodesPanelProps) {
  const t = useTranslations("security.recoveryCodes");
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const listId = `${headingId}-codes`;
  const heading = account ? t("headingFor", { account }) : t("heading");
  return (
    <section
      aria-labelledby={headingId}
      data-testid="recovery-codes"
      className="gh-print-sheet flex flex-col gap-3 rounded-lg border border-warning/40 bg-warning-soft p-4"
    >
      <style>{PRINT_CSS}</style>
      <Heading id={headingId} className="text-sm font-semibold text-fg">
        {heading}
      </Heading>
      <p className="text-sm text-fg">{t("explanation")}</p>
      <ol
        id={listId}
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-line bg-surface p-3 font-mono text-sm sm:grid-cols-3"
      >
        {codes.map((code) => (
          <li key={code} className="select-all" data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <p className="gh-print-hide text-sm font-medium text-warning">{t("shownOnce")}</p>
      <p className="gh-print-only hidden text-xs">{t("printNote")}</p>
      <div className="gh-print-hide flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => window.print()}>
          {t("print")}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => downloadCodes(codes, heading, t("printNote"))}>
          {t("download")}
        </Button>
        <CopyButton text={codes.join("\n")} targetId={listId} label={t("copyLabel")} />
        {onDone && (
          <Button size="sm" onClick={onDone} className="ml-auto">
            {doneLabel ?? t("done")}
          </Button>
        )}
      </div>
    </section>
  );
}
