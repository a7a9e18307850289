"use client";
import { createContext, useCallback, useContext } from "react";
import type { FormState } from "@/lib/actions/action-result";

/**
 * Asks the person to prove who they are again (the re-authentication dialog); resolves true once
 * they did, false when they closed it. Provided by components/security/reauth-dialog.tsx; without
 * a provider, actions that need a fresh proof simply return their "reauth_required" error.
 */
export type AskForProof = () => Promise<boolean>;
export const FreshProofContext = createContext<AskForProof | null>(null);

const needsProof = (result: FormState<unknown>) => !!result && !result.ok && result.error.code === "reauth_required";

/** Runs an action; when it answers "reauth_required", asks for a proof and, once given, runs it again. */
export function useRetryWithProof() {
  const ask = useContext(FreshProofContext);
  return useCallback(
    async <R extends FormState<unknown>>(run: () => Promise<R>): Promise<R> => {
      const first = await run();
      if (!ask || !needsProof(first)) return first;
      return (await ask()) ? run() : first;
    },
    [ask],
  );
}

/**
 * The same for a form's action (useActionForm): the retry re-sends the same form data, so nothing is
 * typed twice. Without a provider there is nothing to retry with, so the action comes back as it is:
 * a server action, unwrapped, still submits before the page has hydrated.
 */
export function useProvenAction<T>(action: (state: FormState<T>, formData: FormData) => Promise<FormState<T>>) {
  const canAsk = useContext(FreshProofContext) !== null;
  const retry = useRetryWithProof();
  const proven = useCallback(
    (state: FormState<T>, formData: FormData): Promise<FormState<T>> => retry(() => action(state, formData)),
    [retry, action],
  );
  return canAsk ? proven : action;
}
