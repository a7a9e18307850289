import type { QueryClient } from "@tanstack/react-query";
import type { useRouter } from "next/navigation";

/**
 * After a write that may change anything on the page: re-render its server components and re-read
 * the lists TanStack Query keeps. Both are needed because a hydrated list takes the server's data
 * only on its first render (initialData); later server renders do not replace it. Disabling a user
 * or resetting a password, for instance, also ends sessions shown in a live list.
 */
export function refreshPage(router: ReturnType<typeof useRouter>, queryClient: QueryClient): void {
  router.refresh();
  void queryClient.invalidateQueries();
}
