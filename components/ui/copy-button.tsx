"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button-base";

export interface CopyButtonProps {
  /** The exact text placed on the clipboard. */
  text: string;
  /** What is being copied, for the accessible name: "Copy {label}". */
  label?: string;
  /** id of the element showing the text; selected as a last resort so the user can copy by hand. */
  targetId?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

type CopyOutcome = "idle" | "copied" | "selected" | "failed";

/** Old-school copy via a hidden textarea; works on plain-http deployments without navigator.clipboard. */
function copyWithTextarea(text: string): boolean {
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.appendChild(textarea);
  textarea.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  textarea.remove();
  return copied;
}

function selectElementText(elementId: string): boolean {
  const element = document.getElementById(elementId);
  const selection = window.getSelection();
  if (!element || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

export function CopyButton({ text, label, targetId, variant = "secondary", size = "sm", className }: CopyButtonProps) {
  const t = useTranslations("ui.copy");
  const [outcome, setOutcome] = useState<CopyOutcome>("idle");
  const announcements: Record<CopyOutcome, string> = { idle: "", copied: t("copied"), selected: t("selected"), failed: t("failed") };
  const resetTimer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(resetTimer.current), []);

  async function handleCopy() {
    let next: CopyOutcome = "failed";
    try {
      // navigator.clipboard only exists in secure contexts (https or localhost).
      if (!navigator.clipboard) throw new Error("Clipboard API unavailable");
      await navigator.clipboard.writeText(text);
      next = "copied";
    } catch {
      if (copyWithTextarea(text)) next = "copied";
      else if (targetId && selectElementText(targetId)) next = "selected";
    }
    setOutcome(next);
    window.clearTimeout(resetTimer.current);
    resetTimer.current = window.setTimeout(() => setOutcome("idle"), next === "copied" ? 2000 : 6000);
  }

  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-2">
      <Button
        variant={variant}
        size={size}
        className={className}
        onClick={handleCopy}
        aria-label={label ? t("copyLabel", { label }) : t("copyToClipboard")}
      >
        {outcome === "copied" ? t("copied") : t("copy")}
      </Button>
      {/* Polite live region so screen readers hear the result without losing their place. */}
      <span aria-live="polite" role="status" className={outcome === "copied" ? "sr-only" : "text-xs text-muted"}>
        {announcements[outcome]}
      </span>
    </span>
  );
}
