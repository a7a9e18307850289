"use client";
import { browserSupportsWebAuthnAutofill, startAuthentication, WebAuthnAbortService } from "@simplewebauthn/browser";
import { useEffect, useState } from "react";
import { finishPasskeySignInAction, startPasskeySignInAction } from "@/lib/actions/auth/passkey-sign-in";

type Options = Parameters<typeof startAuthentication>[0]["optionsJSON"];

/**
 * Conditional mediation: while the sign-in page is open, the browser offers this site's passkeys
 * in the email field's autofill (its autocomplete ends in "webauthn"). Picking one signs in
 * without a password. Browsers without it simply show the field as before. The pending request
 * is cancelled when the page goes, and by the passkey button, whose own request replaces it.
 * Returns the server's refusal, if any, for the form to show.
 */
export function usePasskeyAutofill(enabled: boolean, onSignedIn: () => void | Promise<void>): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void (async () => {
      if (!(await browserSupportsWebAuthnAutofill())) return;
      const asked = await startPasskeySignInAction({});
      if (!live || !asked.ok) return;
      let answer: unknown;
      try {
        answer = await startAuthentication({ optionsJSON: asked.data as Options, useBrowserAutofill: true });
      } catch {
        return; // cancelled: the page went, or the button started its own request
      }
      const result = await finishPasskeySignInAction({ response: answer });
      if (!live) return;
      if (result.ok) await onSignedIn();
      else setError(result.error.message);
    })();
    return () => {
      live = false;
      WebAuthnAbortService.cancelCeremony();
    };
    // Armed once per page: a new request on every render would cancel the one the browser shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);
  return error;
}
