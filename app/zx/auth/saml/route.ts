import { cookieName } from "@/lib/auth/cookie-names";
import { consumeSamlResponse } from "@/lib/saml/consume-saml-response";
import { throttledSaml } from "@/lib/saml/saml-throttle";
import { readCookie } from "@/lib/http/read-cookie";
import { loginTicketCookie, readSamlForm, samlContext, samlFailure, seeOther } from "@/lib/saml/saml-http";

export const dynamic = "force-dynamic";

const NEXT_STEP = { ready: "/login/saml", otp: "/login/otp", enrol: "/login/enrol" } as const;

// POST /zx/auth/saml: the assertion consumer service (HTTP-POST binding). Success: a login ticket
// cookie and the next step (finishing the sign-in, or Gatehouse's own second factor); failure:
// the error page with a reference, and the reason in the audit trail.
export async function POST(request: Request) {
  try {
    const form = await readSamlForm(request);
    const context = samlContext(request);
    const input = {
      samlResponse: form?.get("SAMLResponse") ?? undefined,
      relayState: form?.get("RelayState") ?? undefined,
      domainHint: new URL(request.url).searchParams.get("domain"),
      browserNonce: readCookie(request.headers.get("cookie"), cookieName("saml")),
    };
    const signIn = await throttledSaml(context.ip, () => consumeSamlResponse(input, context));
    const next = signIn.relayState ?? signIn.redirectUrl;
    const query = next && next !== "/" ? `?next=${encodeURIComponent(next)}` : "";
    return seeOther(`${NEXT_STEP[signIn.stage]}${query}`, [loginTicketCookie(signIn.ticket)]);
  } catch (e) {
    return samlFailure(e, "login.saml", request);
  }
}
