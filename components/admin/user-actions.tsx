"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { deleteUserAction, resetPasswordAction, setUserStatusAction } from "@/lib/actions/admin/users";
import { KeepCredentialsChoice, useRevocationSentences, type RevocableCounts } from "@/components/credentials/credential-revocation-notice";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { unwrapResult } from "@/lib/actions/action-result";

export function UserStatusActions({ userId, email, status, isSelf }: { userId: string; email: string; status: string; isSelf: boolean }) {
  const t = useTranslations("admin.userActions");
  const router = useRouter();
  const toast = useToast();
  const confirmed = useConfirmedAction();
  const change = async (kind: "disable" | "enable" | "unlock") => {
    await confirmed(setUserStatusAction({ id: userId, change: kind }), (r) =>
      r.status === "active" ? t("nowActive", { email }) : r.status === "locked" ? t("nowLocked", { email }) : t("nowDisabled", { email }),
    );
  };
  return (
    <div className="flex flex-wrap gap-3">
      {status === "active" ? (
        <ConfirmButton
          title={t("disableTitle", { email })}
          description={t("disableDescription")}
          confirmLabel={t("disable")}
          disabled={isSelf}
          onConfirm={() => change("disable")}
        >
          {t("disable")}
        </ConfirmButton>
      ) : (
        <ConfirmButton
          variant="secondary"
          confirmVariant="primary"
          title={t("enableTitle", { email })}
          confirmLabel={t("enable")}
          onConfirm={() => change(status === "locked" ? "unlock" : "enable")}
        >
          {status === "locked" ? t("unlock") : t("enable")}
        </ConfirmButton>
      )}
      <ConfirmButton
        title={t("deleteTitle", { email })}
        description={t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        disabled={isSelf}
        onConfirm={async () => {
          unwrapResult(await deleteUserAction({ id: userId }));
          toast.success(t("deleted", { email }));
          router.replace("/admin/users");
        }}
      >
        {t("delete")}
      </ConfirmButton>
    </div>
  );
}

export function ResetPasswordForm({ userId, revocable }: { userId: string; revocable: RevocableCounts }) {
  const tr = useTranslations("admin.resetPassword");
  const { revokedSentence } = useRevocationSentences();
  const { state, formProps, fieldErrors: errors, formError } = useActionForm(resetPasswordAction, { refresh: true });
  return (
    <form {...formProps} className="max-w-md space-y-4" noValidate>
      {state?.ok && <FormMessage tone="success" message={`${tr("done")} ${revokedSentence(state.data, state.data.keptCredentials)}`} />}
      <FormMessage tone="error" message={formError} />
      <input type="hidden" name="id" value={userId} />
      <Field
        name="password"
        label={tr("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        maxLength={256}
        error={errors?.password}
      />
      <KeepCredentialsChoice counts={revocable} />
      <SubmitButton variant="secondary" pendingLabel={tr("submitting")}>
        {tr("submit")}
      </SubmitButton>
    </form>
  );
}
