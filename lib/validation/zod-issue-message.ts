import type { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Message keys for zod's own issues, for fields whose schema names no message: the guard passes
 * this to safeParse, so a message written on a schema still wins (zod's precedence), and zod's
 * English defaults never reach a person reading another language.
 */
export function zodIssueMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return messageKey("validation.required");
  if (issue.code === "too_small" && issue.origin === "string")
    return Number(issue.minimum) <= 1
      ? messageKey("validation.required")
      : messageKey("validation.tooShort", { min: Number(issue.minimum) });
  if (issue.code === "too_big" && issue.origin === "string") return messageKey("validation.tooLong", { max: Number(issue.maximum) });
  return messageKey("validation.invalid");
}
