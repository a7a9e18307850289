"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { refreshPage } from "@/components/providers/refresh-page";
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { unwrapResult, type ActionResult } from "@/lib/actions/action-result";
import { useRetryWithProof } from "./use-fresh-proof";

/**
 * For a server action run from a ConfirmButton: waits for it, throws its message on failure (the
 * dialog shows it), otherwise toasts `done` and refreshes the server-rendered page. Given as a
 * function, the action is run again after the re-authentication dialog when it needs a fresh proof.
 */
export function useConfirmedAction() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const retry = useRetryWithProof();
  return useCallback(
    async <T>(pending: Promise<ActionResult<T>> | (() => Promise<ActionResult<T>>), done: string | ((data: T) => string)): Promise<T> => {
      const data = unwrapResult(await (typeof pending === "function" ? retry(pending) : pending));
      toast.success(typeof done === "function" ? done(data) : done);
      refreshPage(router, queryClient);
      return data;
    },
    [router, queryClient, toast, retry],
  );
}
