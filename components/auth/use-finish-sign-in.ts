"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";

/** Asks next-auth to turn the ready login ticket (HttpOnly cookie) into a session, then moves on. */
export function useFinishSignIn(next?: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const finish = useCallback(async () => {
    const res = await signIn("ticket", { redirect: false });
    if (res?.ok && !res.error) router.replace(next ?? "/");
    else setError("The sign-in could not be completed. Start again.");
  }, [next, router]);
  return { finish, error };
}
