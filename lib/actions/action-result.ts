import type { ErrorCode } from "@/lib/errors";

// The one shape every server action and JSON route returns. Client code switches on `ok`.
export type ActionError = {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Non-secret submitted values, so a refused form keeps what the person typed (never passwords). */
  values?: Record<string, string>;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
export type FormState<T> = ActionResult<T> | null;

/** The message for the top of a form: only when no field carries its own error. */
export function formLevelError(state: FormState<unknown>): string | null {
  if (!state || state.ok) return null;
  const fields = state.error.fieldErrors;
  return fields && Object.keys(fields).length > 0
    ? state.error.code === "invalid_input"
      ? null
      : state.error.message
    : state.error.message;
}

export function fieldErrorsOf(state: FormState<unknown>): Record<string, string[]> | undefined {
  return state && !state.ok ? state.error.fieldErrors : undefined;
}

export function valuesOf(state: FormState<unknown>): Record<string, string> {
  return (state && !state.ok && state.error.values) || {};
}

/** The data of a successful result; otherwise throws its message (ConfirmButton shows it in its dialog). */
export function unwrapResult<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}
