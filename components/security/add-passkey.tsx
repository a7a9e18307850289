"use client";
import { useState } from "react";
import { PasskeyButton } from "@/components/auth/passkey-button";
import { Field } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * A name for the new passkey and the button that makes it: the Security page's "Add a passkey"
 * and enrolment at sign-in. `finish` receives the name and the browser's answer.
 */
export function AddPasskey<T>({
  start,
  finish,
  onDone,
  text,
  variant,
}: {
  start: () => Promise<ActionResult<unknown>>;
  finish: (name: string, response: unknown) => Promise<ActionResult<T>>;
  onDone: (data: T) => void | Promise<void>;
  text: { name: string; nameHint: string; add: string; adding: string };
  variant?: "primary" | "secondary";
}) {
  const [name, setName] = useState("");
  return (
    <>
      <Field
        name="passkey-name"
        label={text.name}
        hint={text.nameHint}
        maxLength={64}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <PasskeyButton
        ceremony="create"
        options={start}
        verify={(response) => finish(name, response)}
        onDone={async (data) => {
          setName("");
          await onDone(data);
        }}
        label={text.add}
        pendingLabel={text.adding}
        variant={variant}
      />
    </>
  );
}
