"use client";
import { confirmEnrolmentAction, startEnrolmentAction } from "@/lib/actions/auth/enrol";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { TotpEnrolment } from "@/components/security/totp-enrolment";
import { FormMessage } from "@/components/ui/form-message";

/** The portal's enrolment flow, bound to the login ticket instead of a session. */
export function EnrolAtSignIn({ next }: { next?: string }) {
  const { finish, error } = useFinishSignIn(next);
  return (
    <div className="space-y-4">
      <FormMessage tone="error" message={error} />
      <TotpEnrolment
        start={(label, options) => startEnrolmentAction({ label, options })}
        confirm={(deviceId, code) => confirmEnrolmentAction({ deviceId, code })}
        onDone={() => void finish()}
        codesHeadingLevel={2}
      />
    </div>
  );
}
