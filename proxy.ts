import { NextResponse, type NextRequest } from "next/server";
import { getSettings } from "@/lib/config/settings";
import { isSameOrigin } from "@/lib/http/same-origin";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

// Runs before every page and every server action (JSON routes under /api are left out so that
// Next.js does not buffer their bodies for the proxy; they cap their own, and next.config.js
// gives them a static policy):
// - a state-changing request (a server action is a POST to a page) whose Origin is missing or is
//   not this site is refused with 403 before anything runs;
// - every page gets a Content-Security-Policy with a fresh nonce, and HSTS when PUBLIC_URL is https.
// SAML's /zx/auth/* routes are left out too: an IdP posts its Response and LogoutRequest from its
// own origin by design, and they are trusted for their signatures; those routes set their own
// headers (lib/saml/saml-http.ts) and accept no other write.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** False for a path with a broken percent-escape ("/link/%zz"), which Next.js would answer with a 500. */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { publicUrl } = getSettings();
  const hsts = strictTransportSecurity(publicUrl);
  if (!decodablePath(request.nextUrl.pathname)) {
    return new NextResponse("Bad request: the address is not valid.\n", { status: 400, headers: { "Content-Type": "text/plain" } });
  }
  if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request.headers.get("origin"), request.headers.get("host"), publicUrl)) {
    const refused = new NextResponse("Cross-origin request refused.\n", { status: 403, headers: { "Content-Type": "text/plain" } });
    if (hsts) refused.headers.set("Strict-Transport-Security", hsts);
    return refused;
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    secure: publicUrl.startsWith("https://"),
  });
  // Next.js finds the nonce in the request's policy header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: ["/((?!api/|zx/auth/|_next/static/|_next/image|favicon.ico).*)"],
};
