import { translateText, translateToEnglish } from "@/lib/i18n/translate-message";

// The one error type domain code throws for expected failures. `code` is stable and safe to show;
// `message` is written for the person at the other end; `fieldErrors` names form fields.
// Messages may be message keys (lib/i18n/message-key.ts): the guard shows them in the request's
// language, while `message` holds the English text for the CLI, logs and tests.
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
  /** An auth link that cannot be used: one code and message for every reason (no enumeration). */
  | "link_unusable"
  /** SMTP_URL and MAIL_FROM are unset: the console offers a mailto: instead (issue 10). */
  | "mail_not_configured"
  /** The SMTP server did not take the message; what it said is in the server log only. */
  | "mail_failed"
  | "internal";

export class AppError extends Error {
  /** The message as given: a message key or (not yet converted) English text. */
  public readonly text: string;
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(translateText(message, translateToEnglish));
    this.name = "AppError";
    this.text = message;
  }
}

export const invalidInput = (field: string, message: string) => new AppError("invalid_input", message, { [field]: [message] });
export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
