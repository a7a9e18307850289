"use client";
import { useTranslations } from "next-intl";
import { logoutAction } from "@/lib/actions/session/sign-out";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";

/** On success the action redirects to /login; a refusal (rare: the database is down) is shown beside the button. */
export function SignOutForm() {
  const t = useTranslations("auth.signOut");
  const { formProps, formError } = useActionForm(logoutAction);
  return (
    <form {...formProps} className="flex items-center gap-2">
      <Button type="submit" variant="secondary" size="sm">
        {t("submit")}
      </Button>
      {formError && (
        <span role="alert" className="text-sm text-danger">
          {formError}
        </span>
      )}
    </form>
  );
}
