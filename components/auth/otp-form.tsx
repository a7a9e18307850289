"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { verifyOtpAction } from "@/lib/actions/auth/otp";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { formLevelError, idle, type FormState } from "@/lib/actions/action-result";

export function OtpForm({ next }: { next?: string }) {
  const router = useRouter();
  const [state, action] = useActionState<FormState<{ stage: "ready" }>, FormData>(verifyOtpAction, idle);
  const { finish, error } = useFinishSignIn(next);
  useEffect(() => {
    if (state?.ok) void finish();
    else if (state && state.error.code === "expired") router.replace("/login");
  }, [state, finish, router]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage tone="error" message={error ?? formLevelError(state)} />
      <Field
        name="code"
        label="Code"
        inputMode="text"
        autoComplete="one-time-code"
        autoFocus
        required
        maxLength={64}
        hint="6 or 8 digits from your app, or a recovery code like abcde-fghjk."
        error={state && !state.ok ? state.error.fieldErrors?.code : undefined}
      />
      <Checkbox name="trust" label="Trust this device and IP address" hint="You will not be asked for a code here for a while." />
      <SubmitButton fullWidth pendingLabel="Checking…">
        Verify
      </SubmitButton>
      <p className="text-center text-sm">
        <Link href="/login" className="underline">
          Start again
        </Link>
      </p>
    </form>
  );
}
