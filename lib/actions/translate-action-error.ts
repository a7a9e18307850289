import type { ActionError } from "@/lib/actions/action-result";
import { translateText, type Translate } from "@/lib/i18n/translate-message";

/** The message and every field message of an action error, in the given language. */
export function translateActionError(error: ActionError, translate: Translate): ActionError {
  const fieldErrors = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, list]) => [field, list.map((m) => translateText(m, translate))]))
    : undefined;
  return { ...error, message: translateText(error.message, translate), ...(fieldErrors ? { fieldErrors } : {}) };
}
