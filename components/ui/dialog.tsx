"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { flushSync, useFormStatus } from "react-dom";
import { Button, type ButtonSize, type ButtonVariant } from "./button-base";
import { cn } from "./cn";

export interface ConfirmDialogProps {
  open: boolean;
  /** Called whenever the dialog closes: Cancel, Escape, or after a successful confirm. */
  onClose: () => void;
  onConfirm: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content between the description and the buttons. */
  children?: ReactNode;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  confirmVariant?: ButtonVariant;
  /** Disables the buttons and shows a spinner on Confirm. */
  pending?: boolean;
  /** Error text shown inside the dialog (e.g. the confirm action failed). */
  error?: string | null;
}

/**
 * Confirmation built on the native <dialog> with showModal(), which gives a real
 * modal (inert background, Escape to close, focus trapped) without a library.
 */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel,
  confirmVariant = "danger",
  pending = false,
  error,
}: ConfirmDialogProps) {
  const t = useTranslations("ui.dialog");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusRef.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const handleClose = () => {
      // Browsers differ on restoring focus after a modal closes; do it explicitly.
      const trigger = returnFocusRef.current;
      if (trigger && trigger.isConnected) trigger.focus();
      // Committed now: "close" is a native event, so React would otherwise apply this later, and a
      // click on the trigger right after Escape (keyboard users are fast) would be merged with it
      // into "still open" and never reopen the dialog.
      flushSync(onClose);
    };
    const handleCancel = (event: Event) => {
      // Escape while the action runs would hide its outcome; ignore it until done.
      if (pending) event.preventDefault();
    };
    dialog.addEventListener("close", handleClose);
    dialog.addEventListener("cancel", handleCancel);
    return () => {
      dialog.removeEventListener("close", handleClose);
      dialog.removeEventListener("cancel", handleCancel);
    };
  }, [onClose, pending]);

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cn(
        // Preflight zeroes margins, so centre the dialog explicitly.
        "m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-surface p-0 text-fg shadow-xl",
      )}
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {description && (
          <div id={descriptionId} className="text-sm text-muted">
            {description}
          </div>
        )}
        {children}
        {error && (
          <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm font-medium text-danger">
            {error}
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {/* Cancel gets initial focus: the safe choice for destructive confirmations. */}
          <Button variant="secondary" autoFocus disabled={pending} onClick={() => dialogRef.current?.close()}>
            {cancelLabel ?? t("cancel")}
          </Button>
          <Button variant={confirmVariant} pending={pending} onClick={onConfirm}>
            {confirmLabel ?? t("confirm")}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

export interface ConfirmButtonProps {
  /** Trigger button content. */
  children: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content in the dialog, between the description and the buttons (e.g. an option). */
  body?: ReactNode;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** Look of the trigger button (default "danger"). */
  variant?: ButtonVariant;
  size?: ButtonSize;
  confirmVariant?: ButtonVariant;
  /**
   * Runs on confirm. The dialog stays open with a spinner until it settles; a
   * thrown Error's message is shown in the dialog. Without it, the button's form
   * (enclosing <form>, or the one named by `form`) is submitted instead.
   */
  onConfirm?: () => unknown;
  /** id of a form elsewhere on the page to submit on confirm. */
  form?: string;
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
}

/** A button that asks for confirmation in a modal before acting. */
export function ConfirmButton({
  children,
  title,
  description,
  body,
  confirmLabel,
  cancelLabel,
  variant = "danger",
  size,
  confirmVariant,
  onConfirm,
  form,
  disabled,
  className,
  "aria-label": ariaLabel,
}: ConfirmButtonProps) {
  const t = useTranslations("ui.dialog");
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reflects a server action running on the enclosing form, if any.
  const formStatus = useFormStatus();

  async function handleConfirm() {
    if (!onConfirm) {
      const target = form ? document.getElementById(form) : triggerRef.current?.form;
      setOpen(false);
      if (target instanceof HTMLFormElement) target.requestSubmit();
      return;
    }
    setRunning(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t("failed"));
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <Button
        ref={triggerRef}
        type="button"
        variant={variant}
        size={size}
        className={className}
        disabled={disabled}
        pending={formStatus.pending}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {children}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={handleConfirm}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        confirmVariant={confirmVariant}
        pending={running}
        error={error}
      >
        {body}
      </ConfirmDialog>
    </>
  );
}
