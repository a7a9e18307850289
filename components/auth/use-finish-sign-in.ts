"use client";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useCallback, useState } from "react";

/** Asks next-auth to turn the ready login ticket (HttpOnly cookie) into a session, then moves on. */
export function useFinishSignIn(next?: string) {
  const t = useTranslations("auth.finish");
  const [error, setError] = useState<string | null>(null);
  const finish = useCallback(async () => {
    const res = await signIn("ticket", { redirect: false });
    // A whole document load, not a client navigation: the root layout (the <html> language and
    // theme, the client's messages) is rendered again for the person now signed in, whose saved
    // language, theme or domain default may differ from the anonymous sign-in page's.
    if (res?.ok && !res.error) window.location.replace(next ?? "/");
    else setError(t("failed"));
  }, [next, t]);
  return { finish, error };
}
