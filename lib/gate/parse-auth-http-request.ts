import { MAIL_PROTOCOLS, type MailProtocol } from "@/lib/gate/gate-backends";
import { normaliseIp } from "@/lib/net/cidr";
import { PASSWORD_MAX } from "@/lib/passwords/password-policy";

// nginx mail auth_http request headers (ngx_mail_auth_http_module; ../shared/reference/security.md):
// Auth-Method, Auth-User, Auth-Pass, Auth-Protocol, Auth-Login-Attempt, Client-IP. Auth-User and
// Auth-Pass arrive %-escaped. Everything is checked here, so the decision only sees clean values.

export const MAX_USER_LENGTH = 254;
export const MAX_SECRET_LENGTH = PASSWORD_MAX;
/** nginx closes the connection once attempts pass this (no Auth-Wait in the answer). */
export const MAX_LOGIN_ATTEMPTS = 10;
/** Methods that carry the password itself; cram-md5, apop and external cannot be checked against hashes. */
const PASSWORD_METHODS = new Set(["plain", "login"]);

export type MailLoginRequest = { user: string; secret: string; protocol: MailProtocol; attempt: number; ip: string };
export type ParsedAuthHttp =
  | { ok: true; login: MailLoginRequest }
  /** What can still be told about a bad request, so the answer has the protocol's form. */
  | { ok: false; reason: string; protocol: MailProtocol | null; attempt: number };

/** The single value of a header; null when missing or sent more than once. */
export function singleHeader(headers: Record<string, string[] | undefined>, name: string): string | null {
  const values = headers[name];
  return values && values.length === 1 ? values[0] : null;
}

/** %-decodes an nginx-escaped value; null on a bad escape, invalid UTF-8, raw non-ASCII or control characters. */
export function decodeEscaped(raw: string, maxLength: number): string | null {
  if (raw.length > maxLength * 3 || /[^\x20-\x7e]/.test(raw)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw); // throws on a malformed escape or bytes that are not UTF-8
  } catch {
    return null;
  }
  if ([...decoded].length > maxLength || decoded.length === 0 || /[\u0000-\u001f\u007f]/.test(decoded)) return null;
  return decoded;
}

export function parseAuthHttpRequest(headers: Record<string, string[] | undefined>): ParsedAuthHttp {
  const protocolText = singleHeader(headers, "auth-protocol")?.toLowerCase() ?? "";
  const protocol = (MAIL_PROTOCOLS as readonly string[]).includes(protocolText) ? (protocolText as MailProtocol) : null;
  const attemptText = headers["auth-login-attempt"] === undefined ? "1" : singleHeader(headers, "auth-login-attempt");
  const attempt = attemptText !== null && /^\d{1,4}$/.test(attemptText) && Number(attemptText) >= 1 ? Number(attemptText) : NaN;
  const fail = (reason: string): ParsedAuthHttp => ({ ok: false, reason, protocol, attempt: Number.isNaN(attempt) ? 1 : attempt });

  if (!protocol) return fail("unknown_protocol");
  if (Number.isNaN(attempt)) return fail("bad_attempt");
  const method = singleHeader(headers, "auth-method")?.toLowerCase();
  if (!method || !PASSWORD_METHODS.has(method)) return fail("unsupported_method");
  const rawUser = singleHeader(headers, "auth-user");
  const rawPass = singleHeader(headers, "auth-pass");
  if (rawUser === null || rawPass === null) return fail("missing_credentials");
  const user = decodeEscaped(rawUser, MAX_USER_LENGTH);
  const secret = decodeEscaped(rawPass, MAX_SECRET_LENGTH);
  if (user === null || secret === null || /\s/.test(user)) return fail("bad_credentials_encoding");
  const ipText = singleHeader(headers, "client-ip");
  const ip = ipText === null ? null : normaliseIp(ipText);
  if (!ip) return fail("bad_client_ip");
  return { ok: true, login: { user, secret, protocol, attempt, ip } };
}
