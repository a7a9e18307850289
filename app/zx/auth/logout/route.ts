import { handleSamlLogoutMessage, type SamlLogoutMessage } from "@/lib/saml/saml-logout";
import { throttledSaml } from "@/lib/saml/saml-throttle";
import { readSamlForm, samlContext, samlFailure, seeOther } from "@/lib/saml/saml-http";

export const dynamic = "force-dynamic";

// /zx/auth/logout: single logout. An IdP's LogoutRequest (it ends the sessions it names) or its
// LogoutResponse to ours, by redirect (GET) or HTTP-POST. Without a SAML message there is nothing
// to do here: signing out of Gatehouse is the Sign out button, a same-origin POST.

function message(params: URLSearchParams, binding: SamlLogoutMessage["binding"], url: URL): SamlLogoutMessage | null {
  const pick = (k: string) => params.get(k) ?? undefined;
  if (!params.has("SAMLRequest") && !params.has("SAMLResponse")) return null;
  return {
    binding,
    SAMLRequest: pick("SAMLRequest"),
    SAMLResponse: pick("SAMLResponse"),
    RelayState: pick("RelayState"),
    SigAlg: pick("SigAlg"),
    Signature: pick("Signature"),
    originalQuery: binding === "redirect" ? url.search.slice(1) : undefined,
    domainHint: url.searchParams.get("domain"),
  };
}

async function handle(request: Request, m: SamlLogoutMessage | null): Promise<Response> {
  if (!m) return seeOther("/login");
  try {
    const context = samlContext(request);
    return seeOther(await throttledSaml(context.ip, () => handleSamlLogoutMessage(m, context)));
  } catch (e) {
    return samlFailure(e, "logout.saml", request);
  }
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  return handle(request, message(url.searchParams, "redirect", url));
}

export async function POST(request: Request) {
  const url = new URL(request.url);
  const form = await readSamlForm(request);
  return handle(request, form ? message(form, "post", url) : null);
}
