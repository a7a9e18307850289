import { cookieName, cookieOptions } from "@/lib/auth/cookie-names";
import { LOGIN_TICKET_TTL_MS } from "@/lib/auth/login-ticket";
import { getSettings } from "@/lib/config/settings";
import { readCappedText } from "@/lib/http/read-json-body";
import { contextFromHeaders } from "@/lib/http/request-context";
import { newNonce, strictTransportSecurity } from "@/lib/http/security-headers";
import { MAX_SAML_MESSAGE_CHARS } from "@/lib/saml/check-saml-response";
import { recordSamlRefusal } from "@/lib/saml/record-saml-refusal";
import { SAML_REQUEST_TTL_MS } from "@/lib/saml/saml-service-provider";

// What the /zx/auth/* route handlers share. These paths are outside proxy.ts (an IdP's POST comes
// from another origin by design, and is trusted for its signature, not its Origin), so they set
// their own security headers here.

const NO_STORE = { "cache-control": "no-store" };

function baseHeaders(policy: string): Headers {
  const headers = new Headers({ ...NO_STORE, "content-security-policy": policy });
  const hsts = strictTransportSecurity(getSettings().publicUrl);
  if (hsts) headers.set("strict-transport-security", hsts);
  return headers;
}

const NOTHING = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** A 303 to `location` (a path on this site or the IdP), with cookies to set. */
export function seeOther(location: string, cookies: string[] = []): Response {
  const headers = baseHeaders(NOTHING);
  headers.set("location", location.startsWith("/") ? `${getSettings().publicUrl}${location}` : location);
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status: 303, headers });
}

/**
 * The HTTP-POST binding: a page that posts the SAML message to the IdP. Its policy allows exactly
 * that form target and the one nonced script that submits it (a button does without JavaScript).
 */
export function postToIdp(action: string, fields: Record<string, string>, cookies: string[] = []): Response {
  const nonce = newNonce();
  const target = new URL(action);
  const policy = `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'; form-action ${target.origin}`;
  const escape = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join("");
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>SAML</title></head><body><form method="post" action="${escape(target.href)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script nonce="${nonce}">document.forms[0].submit()</script></body></html>`;
  const headers = baseHeaders(policy);
  headers.set("content-type", "text/html; charset=utf-8");
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(html, { status: 200, headers });
}

/** The browser's half of an SP-initiated login: an HttpOnly nonce the IdP's answer must come back with. */
export function samlBrowserCookie(nonce: string): string {
  const secure = getSettings().secureCookies;
  // The IdP's answer is a cross-site POST: only SameSite=None (which needs Secure) is sent with it.
  // Over plain http (development) browsers refuse None, and Lax still covers an IdP on the same site.
  return setCookie(cookieName("saml"), nonce, SAML_REQUEST_TTL_MS / 1000, secure ? "None" : "Lax");
}

/** A Set-Cookie line for one of our random, URL-safe tokens (nothing in them needs escaping). */
function setCookie(name: string, token: string, maxAgeSeconds: number, sameSite: "Lax" | "None" = "Lax"): string {
  const secure = cookieOptions().secure ? "; Secure" : "";
  return `${name}=${token}; Path=/; Max-Age=${Math.floor(maxAgeSeconds)}; HttpOnly; SameSite=${sameSite}${secure}`;
}

/** The login ticket for the next step, as the password form's action sets it. */
export function loginTicketCookie(ticket: string): string {
  return setCookie(cookieName("login"), ticket, LOGIN_TICKET_TTL_MS / 1000);
}

/** A form-encoded body (the HTTP-POST binding), capped. */
export async function readSamlForm(request: Request): Promise<URLSearchParams | null> {
  const read = await readCappedText(request, MAX_SAML_MESSAGE_CHARS + 16 * 1024);
  return read.ok ? new URLSearchParams(read.text) : null;
}

/** Audits the failure and sends the person to the error page with its reference. */
export async function samlFailure(error: unknown, action: "login.saml" | "logout.saml", request: Request): Promise<Response> {
  const reference = await recordSamlRefusal(error, action, contextFromHeaders(request.headers));
  return seeOther(`/login/saml-error?ref=${reference}`);
}

export const samlContext = (request: Request) => contextFromHeaders(request.headers);
