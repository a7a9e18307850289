"use client";
import { useRouter } from "next/navigation";
import { deleteUserAction, resetPasswordAction, setUserStatusAction } from "@/lib/actions/admin/users";
import { KeepCredentialsChoice, revokedSentence, type RevocableCounts } from "@/components/credentials/credential-revocation-notice";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { unwrapResult } from "@/lib/actions/action-result";

export function UserStatusActions({ userId, email, status, isSelf }: { userId: string; email: string; status: string; isSelf: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const confirmed = useConfirmedAction();
  const change = async (kind: "disable" | "enable" | "unlock") => {
    await confirmed(setUserStatusAction({ id: userId, change: kind }), (r) => `${email} is now ${r.status}.`);
  };
  return (
    <div className="flex flex-wrap gap-3">
      {status === "active" ? (
        <ConfirmButton
          title={`Disable ${email}?`}
          description="They are signed out everywhere and cannot sign in until enabled again."
          confirmLabel="Disable"
          disabled={isSelf}
          onConfirm={() => change("disable")}
        >
          Disable
        </ConfirmButton>
      ) : (
        <ConfirmButton
          variant="secondary"
          confirmVariant="primary"
          title={`Enable ${email}?`}
          confirmLabel="Enable"
          onConfirm={() => change(status === "locked" ? "unlock" : "enable")}
        >
          {status === "locked" ? "Unlock" : "Enable"}
        </ConfirmButton>
      )}
      <ConfirmButton
        title={`Delete ${email}?`}
        description="The account, its sessions, devices and credentials are deleted. The audit trail stays. This cannot be undone."
        confirmLabel="Delete user"
        disabled={isSelf}
        onConfirm={async () => {
          unwrapResult(await deleteUserAction({ id: userId }));
          toast.success(`${email} was deleted.`);
          router.replace("/admin/users");
        }}
      >
        Delete
      </ConfirmButton>
    </div>
  );
}

export function ResetPasswordForm({ userId, revocable }: { userId: string; revocable: RevocableCounts }) {
  const { state, formProps, fieldErrors: errors, formError } = useActionForm(resetPasswordAction, { refresh: true });
  return (
    <form {...formProps} className="max-w-md space-y-4" noValidate>
      {state?.ok && (
        <FormMessage
          tone="success"
          message={`Password set. The user was signed out everywhere. ${revokedSentence(state.data, state.data.keptCredentials)}`}
        />
      )}
      <FormMessage tone="error" message={formError} />
      <input type="hidden" name="id" value={userId} />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={256}
        error={errors?.password}
      />
      <KeepCredentialsChoice counts={revocable} />
      <SubmitButton variant="secondary" pendingLabel="Setting…">
        Set password
      </SubmitButton>
    </form>
  );
}
