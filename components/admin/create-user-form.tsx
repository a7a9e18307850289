"use client";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { createUserAction } from "@/lib/actions/admin/users";
import type { CreatedAuthLink } from "@/lib/actions/admin/auth-links";
import { fieldErrorsOf, formLevelError, valuesOf, type ActionResult } from "@/lib/actions/action-result";
import { AuthLinkOverlay } from "@/components/auth-links/auth-link-overlay";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { queryKeys } from "@/components/providers/query-keys";

type Outcome = ActionResult<{ email: string }> | null;

/**
 * New account. "Send an auth link instead" creates it without a password and shows its link once
 * in the overlay. Not useActionForm: its action state would keep the link's URL after the overlay
 * closes; here only the overlay's own state holds it, and closing drops it.
 */
export function CreateUserForm({ mailConfigured }: { mailConfigured: boolean }) {
  const t = useTranslations("admin.createUser");
  const queryClient = useQueryClient();
  const [sendLink, setSendLink] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [created, setCreated] = useState<{ link: CreatedAuthLink; email: string } | null>(null);
  const closeOverlay = useCallback(() => setCreated(null), []);
  const errors = fieldErrorsOf(outcome);
  const values = valuesOf(outcome);

  async function submit(formData: FormData) {
    const result = await createUserAction(formData);
    if (!result.ok) return setOutcome(result);
    const { email, link } = result.data;
    setOutcome({ ok: true, data: { email } });
    setSendLink(false);
    void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    if (link) setCreated({ link, email });
  }

  return (
    <form action={submit} className="grid max-w-xl gap-4" noValidate>
      {outcome?.ok && <FormMessage tone="success" message={t("created", { email: outcome.data.email })} />}
      <FormMessage tone="error" message={formLevelError(outcome)} />
      <Field
        name="email"
        defaultValue={values.email}
        label={t("email")}
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        error={errors?.email}
      />
      <Field
        name="displayName"
        defaultValue={values.displayName}
        label={t("displayName")}
        maxLength={128}
        autoComplete="off"
        error={errors?.displayName}
      />
      <Checkbox
        name="sendLink"
        label={t("sendLink")}
        hint={t("sendLinkHint")}
        checked={sendLink}
        onChange={(e) => setSendLink(e.currentTarget.checked)}
      />
      <Field
        name="password"
        disabled={sendLink}
        label={t("password")}
        type="password"
        maxLength={256}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={errors?.password}
      />
      <Select
        name="role"
        label={t("role")}
        defaultValue="user"
        error={errors?.role}
        options={[
          { value: "user", label: t("roleUser") },
          { value: "admin", label: t("roleAdmin") },
        ]}
      />
      <div>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
      {created && <AuthLinkOverlay link={created.link} email={created.email} mailConfigured={mailConfigured} onClose={closeOverlay} />}
    </form>
  );
}
