"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { reauthenticateAction, reauthenticateWithPasskeyAction, startReauthPasskeyAction } from "@/lib/actions/session/reauthenticate";
import { PasskeyButton } from "@/components/auth/passkey-button";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/input";
import { FreshProofContext } from "@/components/ui/use-fresh-proof";

type Waiting = { promise: Promise<boolean>; resolve: (proven: boolean) => void };

/**
 * Gives the portal one re-authentication dialog ("sudo mode"). An action answering
 * "reauth_required" asks through useRetryWithProof; the dialog takes a passkey (offered first, for
 * accounts with one), the password, or a code (with an authenticator app or recovery codes), and
 * the action is sent again on success.
 */
export function ReauthProvider({ methods, children }: { methods: ReauthMethods; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<Waiting | null>(null);
  const ask = useCallback(() => {
    // Several actions asking at once share one dialog and one answer.
    if (!waiting.current) {
      let resolve: (proven: boolean) => void = () => undefined;
      const promise = new Promise<boolean>((r) => (resolve = r));
      waiting.current = { promise, resolve };
      setOpen(true);
    }
    return waiting.current.promise;
  }, []);
  const settle = useCallback((proven: boolean) => {
    const w = waiting.current;
    waiting.current = null;
    setOpen(false);
    w?.resolve(proven);
  }, []);
  return (
    <FreshProofContext.Provider value={ask}>
      {children}
      <ReauthDialog open={open} methods={methods} onProven={() => setOpen(false)} onSettled={settle} />
    </FreshProofContext.Provider>
  );
}

type Errors = { field?: string[]; form?: string | null };

type ReauthMethods = { code: boolean; passkey: boolean };

function ReauthDialog(props: { open: boolean; methods: ReauthMethods; onProven: () => void; onSettled: (proven: boolean) => void }) {
  const { open, methods, onProven, onSettled } = props;
  const t = useTranslations("auth.reauth");
  const [method, setMethod] = useState<"password" | "code">("password");
  const [errors, setErrors] = useState<Errors>({});
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useState(open);
  const proven = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();

  // Each opening starts empty, on the password; focus goes to the field (after showModal, which
  // would otherwise focus Cancel).
  if (open !== shown) {
    setShown(open);
    if (open) {
      setMethod("password");
      setErrors({});
    }
  }
  useEffect(() => {
    if (!open) return;
    const field = formRef.current?.querySelector<HTMLInputElement>("input");
    if (field) {
      field.value = "";
      field.focus();
    }
  }, [open, method]);

  // The native dialog reports every close (Cancel, Escape, or after a success) here.
  const onClose = useCallback(() => {
    const ok = proven.current;
    proven.current = false;
    onSettled(ok);
  }, [onSettled]);

  const passkeyProven = () => {
    // Closing reports the proof through onClose, the one place the answer is given.
    proven.current = true;
    onProven();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get(method) ?? "");
    startTransition(async () => {
      const result = await reauthenticateAction(method === "password" ? { password: value } : { code: value });
      if (result.ok) {
        // Closing reports the proof through onClose, the one place the answer is given.
        proven.current = true;
        onProven();
        return;
      }
      const field = result.error.fieldErrors?.[method];
      setErrors(field ? { field } : { form: result.error.message });
      const input = formRef.current?.querySelector<HTMLInputElement>("input");
      if (input) {
        input.value = "";
        input.focus();
      }
    });
  }

  const switchTo = (next: "password" | "code") => {
    setErrors({});
    setMethod(next);
  };

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      onConfirm={() => formRef.current?.requestSubmit()}
      title={t("title")}
      description={method === "password" ? t("passwordDescription") : t("codeDescription")}
      confirmLabel={t("confirm")}
      confirmVariant="primary"
      pending={pending}
      error={errors.form}
    >
      {methods.passkey && open && (
        <div className="mb-4 space-y-3" data-testid="reauth-passkey">
          <PasskeyButton
            ceremony="get"
            options={() => startReauthPasskeyAction({})}
            verify={(response) => reauthenticateWithPasskeyAction({ response })}
            onDone={passkeyProven}
            label={t("usePasskey")}
            pendingLabel={t("usingPasskey")}
            variant="secondary"
          />
          <p className="text-center text-sm text-muted">{t("orBelow")}</p>
        </div>
      )}
      <form id={formId} ref={formRef} onSubmit={submit} className="space-y-3" noValidate>
        {method === "password" ? (
          <Field
            key="password"
            name="password"
            type="password"
            label={t("password")}
            autoComplete="current-password"
            maxLength={256}
            required
            error={errors.field}
          />
        ) : (
          <Field
            key="code"
            name="code"
            label={t("code")}
            inputMode="text"
            autoComplete="one-time-code"
            maxLength={64}
            required
            hint={t("codeHint")}
            error={errors.field}
          />
        )}
        {methods.code && (
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => switchTo(method === "password" ? "code" : "password")}>
            {method === "password" ? t("useCode") : t("usePassword")}
          </Button>
        )}
      </form>
    </ConfirmDialog>
  );
}
