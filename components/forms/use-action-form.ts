"use client";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useEffectEvent, useRef, useState, useTransition, type FormEvent } from "react";
import { refreshPage } from "@/components/providers/refresh-page";
import { useToast } from "@/components/ui/toast";
import { useProvenAction } from "@/components/ui/use-fresh-proof";
import { fieldErrorsOf, formLevelError, valuesOf, type ActionResult, type FormState } from "@/lib/actions/action-result";

/** A server action made with defineAction, as useActionState calls it. */
export type FormAction<T> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/** The data type a server action returns on success. */
export type ActionData<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>> extends ActionResult<infer T> ? T : never;

export type ActionFormOptions<T> = {
  /** Lists kept by TanStack Query that this write changes: invalidated after a success. */
  invalidate?: readonly QueryKey[];
  /** Re-render the page after a success: its server components and every list on it (refreshPage). */
  refresh?: boolean;
  /** A toast after a success. */
  toast?: string | ((data: T) => string);
  /** Anything else after a success: navigate, close a panel. Runs once per success. */
  onSuccess?: (data: T) => void;
  /**
   * Submit from JavaScript instead of the form's action, so React does not reset the fields after
   * a refused submit. Forms with controlled inputs (service checkboxes) need it: the native reset
   * would untick the boxes while their state still says ticked. Other forms keep the plain action,
   * which (outside the portal's re-authentication provider) also submits before the page hydrates.
   */
  keepFieldsOnError?: boolean;
};

/**
 * The one way a form here talks to a server action: useActionState, the re-authentication retry
 * (an action that answers "reauth_required" opens the dialog and is sent again with the same data),
 * per-field errors and kept values for a refused form, and on success a reset form, invalidated
 * lists or a refreshed page, an optional toast, and the data to show once (`shown`, until
 * `dismiss()`: a created secret disappears when the person clicks "Done").
 */
export function useActionForm<T>(action: FormAction<T>, options: ActionFormOptions<T> = {}) {
  const [state, dispatch, actionPending] = useActionState<FormState<T>, FormData>(useProvenAction(action), null);
  const formRef = useRef<HTMLFormElement>(null);
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [submitting, startTransition] = useTransition();
  const [dismissedFor, setDismissedFor] = useState<FormState<T>>(null);

  // An effect event reads the latest options (fresh literals each render) without re-running on them.
  const succeeded = useEffectEvent((data: T) => {
    formRef.current?.reset();
    for (const queryKey of options.invalidate ?? []) void queryClient.invalidateQueries({ queryKey });
    if (options.refresh) refreshPage(router, queryClient);
    if (options.toast) toast.success(typeof options.toast === "function" ? options.toast(data) : options.toast);
    options.onSuccess?.(data);
  });
  useEffect(() => {
    if (state?.ok) succeeded(state.data);
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  return {
    state,
    /** Spread on the <form>: its ref and how it submits. */
    formProps: options.keepFieldsOnError ? { ref: formRef, onSubmit } : { ref: formRef, action: dispatch },
    pending: actionPending || submitting,
    /** Per-field messages of a refused submit, keyed by field name. */
    fieldErrors: fieldErrorsOf(state),
    /** The message for the top of the form, when no field carries its own. */
    formError: formLevelError(state),
    /** What a refused form sent back to show again (never secrets). */
    values: valuesOf(state),
    /** The latest success's data until dismissed. */
    shown: state?.ok && dismissedFor !== state ? state.data : null,
    dismiss: () => setDismissedFor(state),
  };
}
