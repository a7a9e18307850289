"use client";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";

/** Asks next-auth to turn the ready login ticket (HttpOnly cookie) into a session, then moves on. */
export function useFinishSignIn(next?: string) {
  const t = useTranslations("auth.finish");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const finish = useCallback(async () => {
    const res = await signIn("ticket", { redirect: false });
    if (res?.ok && !res.error) router.replace(next ?? "/");
    else setError(t("failed"));
  }, [next, router, t]);
  return { finish, error };
}
