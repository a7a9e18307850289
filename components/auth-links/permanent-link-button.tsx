"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/input";
import { createAuthLinkAction, type CreatedAuthLink } from "@/lib/actions/admin/auth-links";

/**
 * "Create a permanent link": a confirmation that names the risk (whoever holds the link signs in
 * to the web UI until it is revoked), with the optional IP ranges; the server validates them.
 */
export function PermanentLinkButton({
  userId,
  email,
  onCreated,
}: {
  userId: string;
  email: string;
  onCreated: (link: CreatedAuthLink) => void;
}) {
  const t = useTranslations("admin.authLinks.permanentDialog");
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string[] | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);

  async function create() {
    setPending(true);
    setError(null);
    setFieldError(undefined);
    const allowedIpRanges = formRef.current ? String(new FormData(formRef.current).get("allowedIpRanges") ?? "") : "";
    const result = await createAuthLinkAction({ userId, permanent: true, confirmPermanent: true, allowedIpRanges });
    setPending(false);
    if (!result.ok) {
      const field = result.error.fieldErrors?.allowedIpRanges;
      if (field) setFieldError(field);
      else setError(result.error.message);
      return;
    }
    setOpen(false);
    onCreated(result.data);
  }

  return (
    <>
      <Button
        variant="secondary"
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          setFieldError(undefined);
          setOpen(true);
        }}
      >
        {t("open")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => void create()}
        title={t("title", { email })}
        description={t("risk")}
        confirmLabel={t("confirm")}
        confirmVariant="danger"
        pending={pending}
        error={error}
      >
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Field
            name="allowedIpRanges"
            label={t("ipRanges")}
            hint={t("ipRangesHint")}
            maxLength={1000}
            autoComplete="off"
            error={fieldError}
          />
        </form>
      </ConfirmDialog>
    </>
  );
}
