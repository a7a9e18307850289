import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { formDataToObject, runGuarded, type Access, type GuardContext, type GuardOptions } from "@/lib/actions/run-guarded";
import { getCurrentUser } from "@/lib/auth/current-session";
import { requestContext } from "@/lib/http/request-context";
import { requestTranslator } from "@/lib/i18n/request-translator";

/**
 * Wraps a server action: session + role + zod input + typed error shape. The result works both as
 * a direct call (`await action(input)`) and as a useActionState action (`(prev, formData)`).
 * Next.js checks the Origin of every server action request, which makes them CSRF-safe.
 */
export function defineAction<S extends z.ZodType, T, A extends Access>(
  opts: GuardOptions<S, A>,
  handler: (input: z.output<S>, ctx: GuardContext<A>) => Promise<T>,
): (...args: [z.input<S> | FormData] | [unknown, FormData]) => Promise<ActionResult<T>> {
  return async (...args) => {
    const last = args[args.length - 1];
    const raw = last instanceof FormData ? formDataToObject(last) : last;
    const [user, request, translate] = await Promise.all([getCurrentUser(), requestContext(), requestTranslator()]);
    return runGuarded(opts, raw, { user, request, translate }, handler);
  };
}
