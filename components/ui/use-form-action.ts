"use client";
import { useActionState, useEffect, useEffectEvent, useRef } from "react";
import type { FormState } from "@/lib/actions/action-result";
import { useProvenAction } from "./use-fresh-proof";

type FormAction<T> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * useActionState for a server action made with defineAction, plus what every form here does on
 * success: clear the form and run `onSuccess` (refresh a list, show a toast). Field errors come
 * from `state` with fieldErrorsOf/valuesOf. An action that needs a fresh proof opens the
 * re-authentication dialog and is sent again once the person confirmed it's them.
 */
export function useFormAction<T>(action: FormAction<T>, onSuccess?: (data: T) => void) {
  const [state, formAction] = useActionState<FormState<T>, FormData>(useProvenAction(action), null);
  const formRef = useRef<HTMLFormElement>(null);
  const succeeded = useEffectEvent((data: T) => {
    formRef.current?.reset();
    onSuccess?.(data);
  });
  useEffect(() => {
    if (state?.ok) succeeded(state.data);
  }, [state]);
  return { state, formAction, formRef, fieldErrors: state && !state.ok ? state.error.fieldErrors : undefined };
}
