import { PASSWORD_AND_PASSKEY, PERMANENT_LINK_AUTH_METHOD } from "@/lib/sessions/session-store";

/**
 * The ways in that the dashboard charts and the metrics count, one word each. The gate's
 * protocols are counted under their own names beside the web's ways in.
 */
export const SIGN_IN_METHODS = [
  "password",
  "otp",
  "passkey",
  "credential",
  "link",
  "saml",
  "imap",
  "pop3",
  "smtp",
  "eas",
  "dav",
  "other",
] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];
export type SignInOutcome = { method: SignInMethod; result: "success" | "failure" };

type AuditFacts = { action: string; result: string; details?: Record<string, unknown> };

/** Web failures: the step that refused, and the way in it stands for. */
const FAILURE_METHOD: Record<string, SignInMethod> = {
  "login.password": "password",
  "login.2fa.enrolment_overdue": "password",
  "2fa.verify": "otp",
  "passkey.use": "passkey",
  "login.passkey": "passkey",
  "login.saml": "saml",
  "auth_link.use": "link",
};

/** The audit actions whose failures are failed sign-ins (the audit viewer and dashboard link to them). */
export const SIGN_IN_FAILURE_ACTIONS = [...Object.keys(FAILURE_METHOD), "gate.login"];

/**
 * What one audit event says about a sign-in: a success is the session it made (whatever steps led
 * to it, so a sign-in counts once), a failure is any step that refused. Null for everything else.
 * One mapping, so the charts, the metrics and the audit links agree.
 */
export function signInOutcome(event: AuditFacts): SignInOutcome | null {
  if (event.action === "session.create" && event.result === "success") {
    return { method: webMethod(event.details?.method), result: "success" };
  }
  if (event.result !== "failure" && event.result !== "denied") return null;
  if (event.action === "gate.login") return { method: gateMethod(event.details?.service), result: "failure" };
  const method = FAILURE_METHOD[event.action];
  return method ? { method, result: "failure" } : null;
}

function webMethod(value: unknown): SignInMethod {
  if (value === PERMANENT_LINK_AUTH_METHOD) return "link";
  // A passkey counts as the way in whether it replaced the password or followed it.
  if (value === "passkey" || value === PASSWORD_AND_PASSKEY) return "passkey";
  return value === "password" || value === "otp" || value === "credential" || value === "link" || value === "saml" ? value : "other";
}

/** The gate's service names (IMAP, POP3, SMTP, EAS, DAV, …) as chart methods. */
export function gateMethod(service: unknown): SignInMethod {
  const name = String(service ?? "").toLowerCase();
  return name === "imap" || name === "pop3" || name === "smtp" || name === "eas" || name === "dav" ? name : "other";
}
