import { inflateRawSync } from "node:zlib";
import type { Profile } from "@node-saml/node-saml";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { MAX_SAML_MESSAGE_CHARS, messageFacts, parseSamlXml, SamlRefusal, usesSha1 } from "@/lib/saml/check-saml-response";
import { findSamlDomainById, findSamlDomainForIssuer } from "@/lib/saml/find-saml-domain";
import { claimingRequestCache, peekSamlRequest, saveSamlRequest } from "@/lib/saml/saml-request-store";
import { enabled, samlClient, text, type SamlDomain } from "@/lib/saml/saml-service-provider";
import { endSamlSessions, findSamlSession } from "@/lib/saml/saml-session";
import { RSA_SHA1 } from "@/lib/saml/saml-keys";
import { newSamlRequestId } from "@/lib/saml/start-saml-login";

// Single logout at /zx/auth/logout, both ways. Ours: signing out of a SAML session also sends the
// IdP a LogoutRequest (signed when security.logoutrequest_signed), and its LogoutResponse comes
// back here. The IdP's: a signed LogoutRequest ends the local sessions it names (every instance
// sees it, the sessions are rows), and we answer with a LogoutResponse.

export type SamlLogoutMessage = {
  binding: "redirect" | "post";
  SAMLRequest?: string;
  SAMLResponse?: string;
  RelayState?: string;
  SigAlg?: string;
  Signature?: string;
  /** The raw query string, for the redirect binding's signature (node-saml checks it as sent). */
  originalQuery?: string;
  domainHint?: string | null;
};

/** The URL of the IdP's logout endpoint with our LogoutRequest, or null when there is nothing to tell it. */
export async function samlLogoutUrl(rawSessionId: string, now = new Date()): Promise<string | null> {
  const session = await findSamlSession(rawSessionId);
  if (!session) return null;
  const d = await findSamlDomainById(session.domainId);
  if (!d || !text(d.keys, "idp.single_logout_service.url")) return null;
  const requestId = newSamlRequestId();
  const client = samlClient(d, {
    sign: enabled(d.keys, "security.logoutrequest_signed"),
    requestId,
    cacheProvider: claimingRequestCache("logout", now),
  });
  const user = { nameID: session.nameId, nameIDFormat: session.nameIdFormat, sessionIndex: session.sessionIndex || undefined } as Profile;
  const url = await client.getLogoutUrlAsync(user, "", {});
  await getDb().$transaction((tx) => saveSamlRequest(tx, { id: requestId, domainId: d.domain.id, kind: "logout" }, now));
  return url;
}

function readMessage(m: SamlLogoutMessage): string {
  const encoded = m.SAMLRequest ?? m.SAMLResponse ?? "";
  if (!encoded || encoded.length > MAX_SAML_MESSAGE_CHARS) throw new SamlRefusal("malformed_message");
  const bytes = Buffer.from(encoded, "base64");
  try {
    return m.binding === "redirect"
      ? inflateRawSync(bytes, { maxOutputLength: MAX_SAML_MESSAGE_CHARS }).toString("utf8")
      : bytes.toString("utf8");
  } catch {
    throw new SamlRefusal("malformed_message", null, "not deflated");
  }
}

function refuseSha1(d: SamlDomain, doc: Document, m: SamlLogoutMessage): void {
  if (enabled(d.keys, "gatehouse.allow_sha1")) return;
  if (usesSha1(doc) || m.SigAlg === RSA_SHA1) throw new SamlRefusal("sha1_refused", d.domain.id);
}

/** node-saml accepts an unsigned redirect-binding message; a logout nobody signed is refused here. */
function requireSignature(d: SamlDomain, doc: Document, m: SamlLogoutMessage): void {
  const signed =
    m.binding === "redirect"
      ? Boolean(m.Signature && m.SigAlg)
      : doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").length > 0;
  if (!signed) throw new SamlRefusal("unsigned_message", d.domain.id);
}

async function validate(d: SamlDomain, m: SamlLogoutMessage, now: Date) {
  const cache = claimingRequestCache("logout", now);
  const client = samlClient(d, { cacheProvider: cache });
  const container = {
    SAMLRequest: m.SAMLRequest,
    SAMLResponse: m.SAMLResponse,
    RelayState: m.RelayState,
    SigAlg: m.SigAlg,
    Signature: m.Signature,
  };
  const clean = Object.fromEntries(Object.entries(container).filter(([, v]) => v !== undefined)) as Record<string, string>;
  try {
    const result =
      m.binding === "redirect"
        ? await client.validateRedirectAsync(clean, m.originalQuery ?? "")
        : m.SAMLRequest
          ? await client.validatePostRequestAsync(clean)
          : await client.validatePostResponseAsync(clean);
    return { profile: result.profile, claimed: cache.claimed() };
  } catch (e) {
    throw new SamlRefusal("invalid_logout", d.domain.id, e instanceof Error ? e.message.slice(0, 300) : "");
  }
}

/**
 * A logout message from an IdP. Returns where to send the browser: the IdP (with our
 * LogoutResponse) after its LogoutRequest, or the sign-in page after its LogoutResponse.
 */
export async function handleSamlLogoutMessage(m: SamlLogoutMessage, ctx: Actor, now = new Date()): Promise<string> {
  const doc = parseSamlXml(readMessage(m));
  const facts = messageFacts(doc);
  if (m.SAMLResponse !== undefined) {
    if (facts.kind !== "LogoutResponse" || !facts.inResponseTo) throw new SamlRefusal("malformed_message", null, facts.kind);
    const request = await peekSamlRequest(facts.inResponseTo, now);
    const d = request?.kind === "logout" ? await findSamlDomainById(request.domainId) : null;
    if (!d) throw new SamlRefusal("unknown_request");
    refuseSha1(d, doc, m);
    requireSignature(d, doc, m);
    const { claimed } = await validate(d, m, now);
    if (claimed !== facts.inResponseTo) throw new SamlRefusal("unknown_request", d.domain.id);
    return "/login";
  }
  if (facts.kind !== "LogoutRequest") throw new SamlRefusal("malformed_message", null, facts.kind);
  const d = await findSamlDomainForIssuer(facts.issuer, m.domainHint);
  if (!d) throw new SamlRefusal("unknown_idp", null, facts.issuer.slice(0, 200));
  refuseSha1(d, doc, m);
  requireSignature(d, doc, m);
  const { profile } = await validate(d, m, now);
  if (!profile?.nameID) throw new SamlRefusal("invalid_logout", d.domain.id, "no NameID");
  const sessionIndexes = profile.sessionIndex ? [String(profile.sessionIndex).slice(0, 256)] : [];
  await getDb().$transaction(async (tx) => {
    const { ended, users } = await endSamlSessions(tx, { domainId: d.domain.id, nameId: profile.nameID, sessionIndexes });
    for (const user of users) {
      await recordAuditEvent(tx, {
        actor: { ...ctx, email: `saml:${d.domain.name}` },
        subject: user,
        action: "session.logout.saml",
        result: "success",
        details: { domain: d.domain.name, initiatedBy: "idp", sessions: ended },
      });
    }
  });
  if (!text(d.keys, "idp.single_logout_service.url")) return "/login";
  const reply = samlClient(d, { sign: enabled(d.keys, "security.logoutresponse_signed"), logoutResponse: true });
  return reply.getLogoutResponseUrlAsync(profile, m.RelayState ?? "", {}, true);
}
