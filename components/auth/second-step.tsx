"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PasskeyButton } from "@/components/auth/passkey-button";
import { OtpForm } from "@/components/auth/otp-form";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { startPasskeyStepAction, verifyPasskeyStepAction } from "@/lib/actions/auth/passkey-step";
import type { SecondStepMethods } from "@/lib/auth/second-step-methods";

/**
 * The second step's choices: the passkey first (phishing-resistant), then a code. One "trust this
 * device" box serves both.
 */
export function SecondStep({ next, methods }: { next?: string; methods: SecondStepMethods }) {
  const t = useTranslations("auth.otp");
  const router = useRouter();
  const { finish, error } = useFinishSignIn(next);
  const [trust, setTrust] = useState(false);
  const trustBox = (
    <Checkbox
      name="trust-choice"
      label={t("trust")}
      hint={t("trustHint")}
      checked={trust}
      onChange={(e) => setTrust(e.currentTarget.checked)}
    />
  );
  return (
    <div className="space-y-5">
      {methods.passkey && (
        <div className="space-y-3" data-testid="second-step-passkey">
          <FormMessage tone="error" message={error} />
          <PasskeyButton
            ceremony="get"
            options={() => startPasskeyStepAction({})}
            verify={(response) => verifyPasskeyStepAction({ response, trust })}
            onDone={finish}
            onExpired={() => router.replace("/login")}
            label={t("usePasskey")}
            pendingLabel={t("usingPasskey")}
          />
        </div>
      )}
      {methods.passkey && methods.code && <p className="text-center text-sm text-muted">{t("orCode")}</p>}
      {methods.code && <OtpForm next={next} trust={trust} autoFocus={!methods.passkey} />}
      {trustBox}
      <p className="text-center text-sm">
        <Link href="/login" className="underline">
          {t("startAgain")}
        </Link>
      </p>
    </div>
  );
}
