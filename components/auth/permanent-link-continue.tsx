"use client";
import { useTranslations } from "next-intl";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { redeemPermanentLinkAction } from "@/lib/actions/auth/auth-link";

/** "Continue" on a permanent link: a POST that uses the link and signs in. */
export function PermanentLinkContinue({ token }: { token: string }) {
  const t = useTranslations("auth.link.welcome");
  const { finish, error: finishError } = useFinishSignIn();
  const { formProps, formError } = useActionForm(redeemPermanentLinkAction, { onSuccess: () => void finish() });
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage tone="error" message={finishError ?? formError} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton fullWidth pendingLabel={t("continuing")}>
        {t("continue")}
      </SubmitButton>
    </form>
  );
}
