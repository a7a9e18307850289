"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFinishSignIn } from "@/components/auth/use-finish-sign-in";
import { FormMessage } from "@/components/ui/form-message";

/** The last step after the IdP: turns the ready login ticket into a session at once. */
export function SamlFinish({ next }: { next?: string }) {
  const t = useTranslations("auth.saml");
  const { finish, error } = useFinishSignIn(next);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void finish();
  }, [finish]);
  return error ? <FormMessage tone="error" message={error} /> : <p className="text-sm text-muted">{t("finishing")}</p>;
}
