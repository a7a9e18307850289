"use client";
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { Button } from "@/components/ui/button";
import { useRetryWithProof } from "@/components/ui/use-fresh-proof";
import { FormMessage } from "@/components/ui/form-message";

type Ceremony = "get" | "create";

/**
 * One WebAuthn ceremony behind a button: ask the server for options, let the browser and the
 * authenticator answer, send the answer back. `onDone` runs after the server accepted it. The
 * browser's own errors (cancelled, timed out, no authenticator) become one plain sentence; the
 * server's refusals are shown as it words them, and `onExpired` handles a sign-in to restart.
 * In the portal, an options request that needs a fresh proof opens the re-authentication dialog.
 */
export function PasskeyButton<Options, T>({
  ceremony,
  options,
  verify,
  onDone,
  onExpired,
  label,
  pendingLabel,
  variant,
}: {
  ceremony: Ceremony;
  options: () => Promise<ActionResult<Options>>;
  verify: (response: unknown) => Promise<ActionResult<T>>;
  onDone: (data: T) => void | Promise<void>;
  onExpired?: () => void;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("passkeys");
  const retry = useRetryWithProof();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refused = (r: ActionResult<unknown>) => {
    if (r.ok) return false;
    if (r.error.code === "expired" && onExpired) onExpired();
    else setError(r.error.message);
    return true;
  };
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      const asked = await retry(options);
      if (refused(asked) || !asked.ok) return;
      let answer: unknown;
      try {
        answer =
          ceremony === "get"
            ? await startAuthentication({ optionsJSON: asked.data as Parameters<typeof startAuthentication>[0]["optionsJSON"] })
            : await startRegistration({ optionsJSON: asked.data as Parameters<typeof startRegistration>[0]["optionsJSON"] });
      } catch {
        setError(t("browserRefused"));
        return;
      }
      const result = await verify(answer);
      if (refused(result) || !result.ok) return;
      await onDone(result.data);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-3">
      <FormMessage tone="error" message={error} />
      <Button type="button" fullWidth variant={variant} onClick={() => void run()} disabled={pending} aria-busy={pending || undefined}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
