"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { authLinkMailtoAction, sendAuthLinkEmailAction, type CreatedAuthLink } from "@/lib/actions/admin/auth-links";
import { Button, buttonClassName } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";

type CopyState = "idle" | "copied" | "selected";
type SendState = { tone: "success" | "error"; message: string } | null;

/**
 * The one time a freshly created auth link is seen: a modal (native <dialog> with showModal, so
 * focus stays inside and Escape closes it) with the URL, Copy and "Send by email". The parent
 * renders it only while it holds the link and drops the link on close, so the URL is not kept.
 */
export function AuthLinkOverlay({
  link,
  email,
  mailConfigured,
  onClose,
}: {
  link: CreatedAuthLink;
  email: string;
  mailConfigured: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("admin.authLinks.overlay");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const fieldId = useId();
  const [copy, setCopy] = useState<CopyState>("idle");
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SendState>(null);
  const [mailto, setMailto] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    returnFocus.current = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    fieldRef.current?.select();
    const closed = () => {
      const trigger = returnFocus.current;
      if (trigger?.isConnected) trigger.focus();
      onClose();
    };
    dialog.addEventListener("close", closed);
    return () => dialog.removeEventListener("close", closed);
  }, [onClose]);

  // Without SMTP, "Send by email" opens the admin's mail program with the message filled in.
  useEffect(() => {
    if (mailConfigured) return;
    let current = true;
    void authLinkMailtoAction({ linkId: link.id, token: link.token }).then((result) => {
      if (current && result.ok) setMailto(result.data.href);
    });
    return () => {
      current = false;
    };
  }, [mailConfigured, link.id, link.token]);

  async function copyLink() {
    try {
      if (!navigator.clipboard) throw new Error("Clipboard API unavailable");
      await navigator.clipboard.writeText(link.url);
      setCopy("copied");
    } catch {
      // Plain http or a refused permission: select the text so Ctrl+C / long-press copies it.
      fieldRef.current?.focus();
      fieldRef.current?.select();
      setCopy("selected");
    }
  }

  async function sendByEmail() {
    setSending(true);
    setSent(null);
    const result = await sendAuthLinkEmailAction({ linkId: link.id, token: link.token });
    setSending(false);
    setSent(
      result.ok ? { tone: "success", message: t("sent", { email: result.data.sentTo }) } : { tone: "error", message: result.error.message },
    );
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-line bg-surface p-0 text-fg shadow-xl"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {link.permanent ? t("titlePermanent", { email }) : t("titleTemporary", { email })}
        </h2>
        <p className="text-sm text-muted">
          {link.expiresAt ? t.rich("expires", { time: () => <LocalTime value={link.expiresAt} /> }) : t("neverExpires")}
        </p>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fieldId} className="text-sm font-medium">
            {t("linkLabel")}
          </label>
          <input
            ref={fieldRef}
            id={fieldId}
            readOnly
            value={link.url}
            data-testid="auth-link-url"
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-md border border-line bg-surface-muted px-3 py-2 font-mono text-sm"
          />
          <p className="text-sm font-medium text-warning">{t("shownOnce")}</p>
        </div>
        <p role="status" aria-live="polite" className="min-h-5 text-sm">
          {copy === "copied" ? t("copied") : copy === "selected" ? t("selected") : ""}
        </p>
        {sent && (
          <p
            role={sent.tone === "error" ? "alert" : "status"}
            className={sent.tone === "error" ? "text-sm font-medium text-danger" : "text-sm font-medium text-success"}
          >
            {sent.message}
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:flex-wrap sm:justify-end">
          <Button variant="ghost" onClick={() => dialogRef.current?.close()}>
            {t("done")}
          </Button>
          {mailConfigured ? (
            <Button variant="secondary" pending={sending} onClick={() => void sendByEmail()}>
              {t("sendByEmail")}
            </Button>
          ) : (
            mailto && (
              <a href={mailto} className={buttonClassName({ variant: "secondary" })}>
                {t("sendByEmail")}
              </a>
            )
          )}
          <Button onClick={() => void copyLink()}>{copy === "copied" ? t("copiedButton") : t("copy")}</Button>
        </div>
      </div>
    </dialog>
  );
}
