"use client";
import type { ActionResult, FormState } from "@/lib/actions/action-result";
import type { FormAction } from "@/components/forms/use-action-form";

/**
 * A form's action that POSTs its fields as JSON to one of our routes (lib/http/define-route.ts)
 * and gives back the route's answer, which has the server actions' shape: useActionForm takes
 * either. `noAnswer` is shown when no answer came (network down, server gone).
 */
export function routeAction<T>(url: string, noAnswer: string): FormAction<T> {
  return async (_state: FormState<T>, formData: FormData) => {
    const fields = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(fields),
        cache: "no-store",
      });
      const body = (await res.json()) as ActionResult<T>;
      if (body && typeof body === "object" && "ok" in body) return body;
    } catch {
      // fall through: no usable answer
    }
    return { ok: false, error: { code: "internal", message: noAnswer } };
  };
}
