// The one error type domain code throws for expected failures. `code` is stable and safe to show;
// `message` is written for the person at the other end; `fieldErrors` names form fields.
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  /** A sensitive action needs a fresh proof of identity (password or code): the client asks for one and retries. */
  | "reauth_required"
  | "not_found"
  | "conflict"
  | "invalid_credentials"
  | "rate_limited"
  | "expired"
  | "internal";

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalidInput = (field: string, message: string) => new AppError("invalid_input", message, { [field]: [message] });
export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
