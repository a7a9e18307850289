import type { Backend, MailProtocol } from "@/lib/gate/gate-backends";
import { MAX_LOGIN_ATTEMPTS } from "@/lib/gate/parse-auth-http-request";
import { THROTTLE } from "@/lib/throttle/login-throttle";

// The headers of an nginx auth_http answer (ngx_mail_auth_http_module). nginx reads only these
// headers; the status code is always 200.

export const INVALID_LOGIN_STATUS = "Invalid login or password";
export const TEMPORARY_FAILURE_STATUS = "Temporary authentication failure, try again later";
export const SMTP_INVALID_CODE = "535 5.7.8 Authentication credentials invalid";
export const SMTP_TEMPORARY_CODE = "451 4.3.0 Temporary authentication failure";
/** Seconds nginx holds a client after a temporary failure before it may try again. */
export const TEMPORARY_WAIT_SECONDS = 3;

export type AuthHttpAnswer = Record<string, string>;

export function answerOk(email: string, backend: Backend): AuthHttpAnswer {
  return { "Auth-Status": "OK", "Auth-Server": backend.host, "Auth-Port": String(backend.port), "Auth-User": email };
}

/**
 * A refused login. The wait grows with nginx's attempt count (1 s doubling, like Dovecot's
 * penalty) and is at least what the throttle asks; from the 10th attempt there is none, so nginx
 * closes the connection.
 */
export function answerRefused(protocol: MailProtocol | null, attempt: number, throttleWaitSeconds = 0): AuthHttpAnswer {
  const answer: AuthHttpAnswer = { "Auth-Status": INVALID_LOGIN_STATUS };
  if (attempt < MAX_LOGIN_ATTEMPTS) {
    const growing = Math.min(2 ** (Math.max(1, attempt) - 1), 16);
    answer["Auth-Wait"] = String(Math.min(Math.max(growing, throttleWaitSeconds), THROTTLE.maxDelaySeconds));
  }
  if (protocol === "smtp") answer["Auth-Error-Code"] = SMTP_INVALID_CODE;
  return answer;
}

/** The database failed or was too slow: a temporary failure, never OK. */
export function answerTemporaryFailure(protocol: MailProtocol | null): AuthHttpAnswer {
  const answer: AuthHttpAnswer = { "Auth-Status": TEMPORARY_FAILURE_STATUS, "Auth-Wait": String(TEMPORARY_WAIT_SECONDS) };
  if (protocol === "smtp") answer["Auth-Error-Code"] = SMTP_TEMPORARY_CODE;
  return answer;
}
