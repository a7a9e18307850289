"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { finishPasskeySignInAction, startPasskeySignInAction } from "@/lib/actions/auth/passkey-sign-in";
import { lookupSamlSignIn } from "@/lib/actions/auth/saml";
import { PasskeyButton } from "@/components/auth/passkey-button";
import { SamlSignInButton } from "@/components/auth/saml-sign-in-button";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { usePasskeyAutofill } from "@/components/auth/use-passkey-autofill";
import { routeAction } from "@/components/forms/route-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import type { SamlSignInOption } from "@/lib/saml/saml-sign-in-option";

/** What POST /api/auth/password answers (app/api/auth/password/route.ts). */
type PasswordStepAnswer = { stage: "signed_in"; home: string } | { stage: "otp" | "enrol" };

/**
 * Email + password, and "LOGIN SAML" when the domain has SAML: known from the page (?domain=, the
 * host name) or from the address once typed (email first). A SAML-only domain hides the password
 * unless the page was opened with ?method=password (its administrators' break-glass way in).
 * "Sign in with a passkey", and the browser's passkey autofill on the email field, sign in without
 * a password (hidden with the password on a SAML-only domain).
 * The server keeps the login ticket in an HttpOnly cookie; the next step takes it.
 */
export function LoginForm({
  next,
  saml: pageSaml = null,
  passwordForced = false,
}: {
  next?: string;
  saml?: SamlSignInOption | null;
  passwordForced?: boolean;
}) {
  const t = useTranslations("auth.login");
  const ts = useTranslations("auth.saml");
  const [saml, setSaml] = useState(pageSaml);
  const lookUp = async (email: string) => {
    if (!email.includes("@")) return setSaml(pageSaml);
    const found = await lookupSamlSignIn({ email });
    setSaml(found.ok ? found.data.saml : pageSaml);
  };
  const passwordHidden = Boolean(saml?.samlOnly) && !passwordForced;
  const router = useRouter();
  const { finish, error: finishError } = useFinishSignIn(next);
  const [passwordStep] = useState(() => routeAction<PasswordStepAnswer>("/api/auth/password", t("noAnswer")));
  const { formProps, fieldErrors, values, formError } = useActionForm(passwordStep, {
    onSuccess: (answer) => {
      // A whole document load, like useFinishSignIn: the root layout is rendered for the person now signed in.
      if (answer.stage === "signed_in") window.location.replace(next ?? answer.home);
      else router.push(`/login/${answer.stage}${next ? `?next=${encodeURIComponent(next)}` : ""}`);
    },
  });

  const autofillError = usePasskeyAutofill(!passwordHidden, finish);
  const message = finishError ?? formError ?? autofillError;
  return (
    <div className="space-y-4">
      {saml && (
        <>
          <SamlSignInButton domain={saml.domain} next={next} />
          <p className="text-center text-sm text-muted" data-testid="login-saml-note">
            {passwordHidden ? ts("samlOnly") : ts("orPassword")}
          </p>
        </>
      )}
      <form {...formProps} className="space-y-4" noValidate>
        <FormMessage tone="error" message={message} />
        <Field
          name="email"
          onBlur={(e) => void lookUp(e.currentTarget.value)}
          defaultValue={values.email}
          label={t("email")}
          type="email"
          autoComplete={passwordHidden ? "username" : "username webauthn"}
          required
          maxLength={254}
          error={fieldErrors?.email}
        />
        {!passwordHidden && (
          <>
            <Field
              name="password"
              label={t("password")}
              type="password"
              autoComplete="current-password"
              required
              maxLength={256}
              error={fieldErrors?.password}
            />
            <SubmitButton fullWidth variant={saml ? "secondary" : undefined} pendingLabel={t("submitting")}>
              {t("submit")}
            </SubmitButton>
          </>
        )}
      </form>
      {!passwordHidden && (
        <>
          <p className="text-center text-sm text-muted">{t("or")}</p>
          <PasskeyButton
            ceremony="get"
            options={() => startPasskeySignInAction({})}
            verify={(response) => finishPasskeySignInAction({ response })}
            onDone={finish}
            label={t("passkey")}
            pendingLabel={t("passkeyPending")}
            variant="secondary"
          />
        </>
      )}
    </div>
  );
}
