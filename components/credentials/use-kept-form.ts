"use client";
import { useTransition, type FormEvent } from "react";

/**
 * Submits a form to a useActionState action without React's automatic reset after the action.
 * The forms with controlled service checkboxes need this: the native reset would untick the boxes
 * in the page while their state still says ticked, so a refused form would lose (or misstate) them.
 */
export function useKeptForm(action: (payload: FormData) => void) {
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return { onSubmit, pending };
}
