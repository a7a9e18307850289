import type { ErrorCode } from "@/lib/errors";

// The one shape every server action and JSON route returns. Client code switches on `ok`.
export type ActionError = { code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
/** Initial state for useActionState forms. */
export const idle = null;
export type FormState<T> = ActionResult<T> | null;
