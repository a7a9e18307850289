import { samlBrowserCookie, postToIdp, samlContext, samlFailure, seeOther } from "@/lib/saml/saml-http";
import { throttledSaml } from "@/lib/saml/saml-throttle";
import { startSamlLogin } from "@/lib/saml/start-saml-login";

export const dynamic = "force-dynamic";

// GET /zx/auth/startSamlWorkflow?domain=D&redirectUrl=U: SP-initiated SAML login, also usable as a
// direct link (Carbonio's path). The AuthnRequest goes by redirect, or by an auto-posted form
// when the IdP only takes HTTP-POST.
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  try {
    const start = await throttledSaml(samlContext(request).ip, () =>
      startSamlLogin({ domain: params.get("domain"), redirectUrl: params.get("redirectUrl") }),
    );
    const cookie = samlBrowserCookie(start.browserNonce);
    return start.binding === "redirect" ? seeOther(start.url, [cookie]) : postToIdp(start.action, start.fields, [cookie]);
  } catch (e) {
    return samlFailure(e, "login.saml", request);
  }
}
