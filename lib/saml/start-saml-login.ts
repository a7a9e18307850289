import { randomBytes } from "node:crypto";
import { getSettings } from "@/lib/config/settings";
import { randomToken } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { SamlRefusal } from "@/lib/saml/check-saml-response";
import { findSamlDomain } from "@/lib/saml/find-saml-domain";
import { saveSamlRequest } from "@/lib/saml/saml-request-store";
import { enabled, samlClient, text } from "@/lib/saml/saml-service-provider";

// SP-initiated login (GET /zx/auth/startSamlWorkflow?domain=D&redirectUrl=U): an AuthnRequest to
// the domain's IdP, recorded so that the answer is accepted once and only in this browser.

/** A SAML request ID: an XML NCName, so it starts with an underscore. */
export function newSamlRequestId(): string {
  return `_${randomBytes(20).toString("hex")}`;
}

/** Where to go after sign-in: a path on this site (an absolute URL on PUBLIC_URL is cut to its path). */
export function samlRedirectPath(raw: string | null | undefined): string {
  if (!raw) return "/";
  const home = new URL(getSettings().publicUrl);
  let candidate = raw;
  try {
    const url = new URL(raw);
    if (url.origin !== home.origin) return "/";
    candidate = `${url.pathname}${url.search}`;
  } catch {
    // not an absolute URL: a path, checked below
  }
  return safeNextPath(candidate) ?? "/";
}

export type SamlLoginStart =
  | { binding: "redirect"; url: string; browserNonce: string }
  | { binding: "post"; action: string; fields: Record<string, string>; browserNonce: string };

export async function startSamlLogin(
  input: { domain: string | null; redirectUrl?: string | null },
  now = new Date(),
): Promise<SamlLoginStart> {
  const d = await findSamlDomain(input.domain?.trim().toLowerCase());
  if (!d) throw new SamlRefusal("not_configured", null, (input.domain ?? "").slice(0, 253));
  const requestId = newSamlRequestId();
  const browserNonce = randomToken();
  const client = samlClient(d, { sign: enabled(d.keys, "security.authnrequest_signed"), requestId });
  await getDb().$transaction((tx) =>
    saveSamlRequest(
      tx,
      { id: requestId, domainId: d.domain.id, kind: "authn", redirectUrl: samlRedirectPath(input.redirectUrl), browserNonce },
      now,
    ),
  );
  if (text(d.keys, "idp.single_sign_on_service.binding").endsWith("HTTP-POST")) {
    const fields = (await client.getAuthorizeMessageAsync("", undefined, {})) as Record<string, string>;
    return { binding: "post", action: text(d.keys, "idp.single_sign_on_service.url"), fields, browserNonce };
  }
  return { binding: "redirect", url: await client.getAuthorizeUrlAsync("", undefined, {}), browserNonce };
}
