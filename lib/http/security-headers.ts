// Response headers for every page (set per request by proxy.ts) and the transport rule for every
// response. Pure functions, no server-only import: proxy.ts runs them before any route.

export type PolicyOptions = {
  /** Per-request nonce; Next.js reads it back from the request's policy and puts it on its scripts. */
  nonce: string;
  /** `next dev` needs eval for React's debugging aids. */
  dev?: boolean;
  /** PUBLIC_URL is https: ask browsers to load every subresource over https too. */
  secure?: boolean;
  /**
   * Origins a page may submit a form to besides its own. The hook for SAML's HTTP-POST binding:
   * the SP-initiated sign-in page posts an AuthnRequest to the IdP's single sign-on URL.
   */
  formActionOrigins?: readonly string[];
};

/** The Content-Security-Policy of a page. */
export function contentSecurityPolicy({ nonce, dev = false, secure = false, formActionOrigins = [] }: PolicyOptions): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts that Next.js's nonced scripts load are trusted, nothing else is.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'", ...formActionOrigins],
    ...(secure ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** HSTS, only when the public URL is https (browsers ignore it over http, and it must not stick to a dev host). */
export function strictTransportSecurity(publicUrl: string): string | null {
  return publicUrl.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
