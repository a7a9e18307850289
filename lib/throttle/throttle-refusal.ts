import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

/** The one answer to a throttled attempt: the same words wherever a way in is refused. */
export function throttleRefusal(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", messageKey("errors.rateLimited", { seconds: retryAfterSeconds }));
}
