import type { ActionResult } from "@/lib/actions/action-result";

/** GETs one of our JSON routes and unwraps the ActionResult shape for TanStack Query. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = (await res.json().catch(() => null)) as ActionResult<T> | null;
  if (!body) throw new Error("The server did not answer. Try again.");
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}
