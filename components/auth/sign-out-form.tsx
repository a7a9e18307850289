"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/action-result";
import { logoutAction } from "@/lib/actions/session/sign-out";
import { Button } from "@/components/ui/button";

/** On success the action redirects to /login; a refusal (rare: the database is down) is shown beside the button. */
export function SignOutForm() {
  const [state, formAction] = useActionState<FormState<never>, FormData>(logoutAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <Button type="submit" variant="secondary" size="sm">
        Sign out
      </Button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-danger">
          {state.error.message}
        </span>
      )}
    </form>
  );
}
