import { AppError } from "@/lib/errors";

/** The one answer to a throttled attempt: the same words wherever a way in is refused. */
export function throttleRefusal(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", `Too many attempts. Wait ${retryAfterSeconds} seconds and try again.`);
}
