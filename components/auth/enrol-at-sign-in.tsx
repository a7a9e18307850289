"use client";
import { useTranslations } from "next-intl";
import {
  confirmEnrolmentAction,
  finishPasskeyEnrolmentAction,
  startEnrolmentAction,
  startPasskeyEnrolmentAction,
} from "@/lib/actions/auth/enrol";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { AddPasskey } from "@/components/security/add-passkey";
import { TotpEnrolment } from "@/components/security/totp-enrolment";
import { FormMessage } from "@/components/ui/form-message";

/**
 * The portal's enrolment flows, bound to the login ticket instead of a session: a passkey first
 * (nothing to install, nothing to phish), an authenticator app as the alternative.
 */
export function EnrolAtSignIn({ next }: { next?: string }) {
  const t = useTranslations("auth.enrol");
  const { finish, error } = useFinishSignIn(next);
  return (
    <div className="space-y-6">
      <FormMessage tone="error" message={error} />
      <section className="space-y-3" aria-labelledby="enrol-passkey-heading" data-testid="enrol-passkey">
        <h2 id="enrol-passkey-heading" className="text-sm font-semibold">
          {t("passkeyHeading")}
        </h2>
        <AddPasskey
          start={() => startPasskeyEnrolmentAction({})}
          finish={(name, response) => finishPasskeyEnrolmentAction({ name, response })}
          onDone={finish}
          text={{ name: t("passkeyName"), nameHint: t("passkeyNameHint"), add: t("addPasskey"), adding: t("addingPasskey") }}
        />
      </section>
      <section className="space-y-3 border-t border-line pt-5" aria-labelledby="enrol-app-heading">
        <h2 id="enrol-app-heading" className="text-sm font-semibold">
          {t("appHeading")}
        </h2>
        <TotpEnrolment
          start={(label, options) => startEnrolmentAction({ label, options })}
          confirm={(deviceId, code) => confirmEnrolmentAction({ deviceId, code })}
          onDone={() => void finish()}
          codesHeadingLevel={2}
        />
      </section>
    </div>
  );
}
