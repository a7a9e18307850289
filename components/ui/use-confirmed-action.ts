"use client";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { unwrapResult, type ActionResult } from "@/lib/actions/action-result";

/**
 * For a server action run from a ConfirmButton: waits for it, throws its message on failure (the
 * dialog shows it), otherwise toasts `done` and refreshes the server-rendered page.
 */
export function useConfirmedAction() {
  const router = useRouter();
  const toast = useToast();
  return useCallback(
    async <T>(pending: Promise<ActionResult<T>>, done: string | ((data: T) => string)): Promise<T> => {
      const data = unwrapResult(await pending);
      toast.success(typeof done === "function" ? done(data) : done);
      router.refresh();
      return data;
    },
    [router, toast],
  );
}
