"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { ActionResult, FormState } from "@/lib/actions/action-result";

/** The data type a server action returns on success. */
export type ActionData<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>> extends ActionResult<infer T> ? T : never;

/**
 * After a successful create: reset the form, refresh the credential list, and let the reveal be
 * hidden ("Done") until the next creation. Returns the data to reveal, or null.
 */
export function useCreated<T>(state: FormState<T>, listKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [hiddenFor, setHiddenFor] = useState<FormState<T>>(null);
  // An effect event reads the latest listKey (a fresh literal each render) without re-running on it.
  const onCreated = useEffectEvent(() => {
    form.current?.reset();
    void queryClient.invalidateQueries({ queryKey: listKey });
  });
  useEffect(() => {
    if (state?.ok) onCreated();
  }, [state]);
  const shown = state?.ok && hiddenFor !== state ? state.data : null;
  return { form, shown, hide: () => setHiddenFor(state) };
}

export const OWN_CREDENTIALS_KEY = ["credentials", "own"] as const;
export const userCredentialsKey = (userId: string) => ["credentials", "user", userId] as const;
