import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

const variantClasses: Record<ButtonVariant, string> = {
  primary: "bg-accent text-accent-fg hover:bg-accent-hover border border-transparent",
  secondary: "bg-surface text-fg border border-line hover:bg-surface-muted",
  danger: "bg-danger text-white hover:bg-danger-hover border border-transparent dark:text-black",
  ghost: "bg-transparent text-fg border border-transparent hover:bg-surface-muted",
};

const sizeClasses: Record<ButtonSize, string> = {
  // Minimum heights keep touch targets usable on phones.
  sm: "min-h-8 px-3 text-sm",
  md: "min-h-10 px-4 text-sm",
  lg: "min-h-12 px-5 text-base",
};

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
}

/** Button look as a class string, so links (<Link>) can look like buttons too. */
export function buttonClassName({ variant = "primary", size = "md", fullWidth = false }: ButtonStyleOptions = {}): string {
  return cn(
    "inline-flex max-w-full items-center justify-center gap-2 rounded-md text-center font-medium no-underline",
    "transition-colors disabled:cursor-not-allowed disabled:opacity-60",
    variantClasses[variant],
    sizeClasses[size],
    fullWidth && "w-full",
  );
}

export interface ButtonProps extends ComponentPropsWithRef<"button">, ButtonStyleOptions {
  /** Shows a spinner, sets aria-busy and disables the button while work is running. */
  pending?: boolean;
  /** Text shown instead of children while pending (e.g. "Saving…"). */
  pendingLabel?: ReactNode;
}

export function Spinner({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn("inline-block size-4 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent", className)}
    />
  );
}

export function Button({
  variant,
  size,
  fullWidth,
  pending = false,
  pendingLabel,
  disabled,
  className,
  children,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={cn(buttonClassName({ variant, size, fullWidth }), className)}
      {...rest}
    >
      {pending && <Spinner />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
