import type { ActionResult } from "@/lib/actions/action-result";

/** No JSON came back (network down, server gone): callers show their own translated sentence. */
export class NoAnswerError extends Error {
  constructor() {
    super("The server did not answer. Try again.");
    this.name = "NoAnswerError";
  }
}

/** GETs one of our JSON routes and unwraps the ActionResult shape for TanStack Query. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = (await res.json().catch(() => null)) as ActionResult<T> | null;
  if (!body) throw new NoAnswerError();
  // The route answered in the request's language already.
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}
