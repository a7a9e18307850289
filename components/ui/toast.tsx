"use client";
import { useTranslations } from "next-intl";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

export type ToastTone = "success" | "error" | "info";

export interface ToastOptions {
  message: ReactNode;
  title?: ReactNode;
  tone?: ToastTone;
  /** Milliseconds before auto-dismiss; default 5000. */
  durationMs?: number;
}

interface ToastItem extends Required<Pick<ToastOptions, "tone" | "durationMs">> {
  id: number;
  message: ReactNode;
  title?: ReactNode;
}

export interface ToastApi {
  /** Shows a toast; returns its id for dismiss(). */
  toast: (options: ToastOptions | string) => number;
  success: (message: ReactNode) => number;
  error: (message: ReactNode) => number;
  info: (message: ReactNode) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const DEFAULT_DURATION_MS = 5000;

const toneClasses: Record<ToastTone, string> = {
  success: "border-success/40 bg-success-soft text-success",
  error: "border-danger/40 bg-danger-soft text-danger",
  info: "border-line bg-surface text-fg",
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  // Pausing while the pointer or focus is inside lets people finish reading (WCAG 2.2.1).
  const [paused, setPaused] = useState(false);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((item) => item.id !== id));
  }, []);

  // A removed close button never fires blur, so unpause once the stack empties (adjusted while
  // rendering, so the next toast never starts out paused).
  if (toasts.length === 0 && paused) setPaused(false);

  const toast = useCallback((input: ToastOptions | string) => {
    const options: ToastOptions = typeof input === "string" ? { message: input } : input;
    const id = nextId.current++;
    const item: ToastItem = {
      id,
      message: options.message,
      title: options.title,
      tone: options.tone ?? "info",
      durationMs: options.durationMs ?? DEFAULT_DURATION_MS,
    };
    // Keep at most a handful on screen; older ones are least relevant.
    setToasts((current) => [...current.slice(-3), item]);
    return id;
  }, []);

  const api = useMemo<ToastApi>(
    () => ({
      toast,
      dismiss,
      success: (message) => toast({ message, tone: "success" }),
      error: (message) => toast({ message, tone: "error" }),
      info: (message) => toast({ message, tone: "info" }),
    }),
    [toast, dismiss],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* The live region is always mounted so screen readers notice later insertions. */}
      <div
        aria-live="polite"
        aria-relevant="additions text"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-stretch gap-2 p-3 sm:inset-x-auto sm:right-0 sm:w-96"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setPaused(false);
        }}
      >
        {toasts.map((item) => (
          <ToastCard key={item.id} item={item} paused={paused} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastCard({ item, paused, onDismiss }: { item: ToastItem; paused: boolean; onDismiss: (id: number) => void }) {
  const t = useTranslations("ui.toast");
  const remainingMs = useRef(item.durationMs);

  useEffect(() => {
    if (paused) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => onDismiss(item.id), remainingMs.current);
    return () => {
      window.clearTimeout(timer);
      remainingMs.current = Math.max(1000, remainingMs.current - (Date.now() - startedAt));
    };
  }, [paused, item.id, onDismiss]);

  return (
    <div className={cn("pointer-events-auto flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg", toneClasses[item.tone])}>
      <div className="min-w-0 flex-1">
        {item.title && <p className="font-semibold">{item.title}</p>}
        <div>{item.message}</div>
      </div>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        aria-label={t("dismiss")}
        className="-m-1 rounded p-1 leading-none opacity-80 hover:opacity-100"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/** Access the toast API; must be rendered under <ToastProvider> (the root layout does this). */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}
