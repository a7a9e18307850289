import type { Profile } from "@node-saml/node-saml";
import { createLoginTicket, type LoginStage } from "@/lib/auth/login-ticket";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { sha256Hex } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { hasSecondFactor } from "@/lib/two-factor/devices/has-second-factor";
import { insertUser } from "@/lib/users/create-user";
import { emailField } from "@/lib/validation/fields";
import {
  checkDestination,
  checkVerifiedAssertion,
  decodeSamlMessage,
  messageFacts,
  parseSamlXml,
  SamlRefusal,
  usesSha1,
} from "@/lib/saml/check-saml-response";
import { findSamlDomainById, findSamlDomainForIssuer } from "@/lib/saml/find-saml-domain";
import { recordAssertionUse } from "@/lib/saml/saml-assertion-store";
import { claimingRequestCache, peekSamlRequest } from "@/lib/saml/saml-request-store";
import { enabled, samlClient, text, type SamlDomain } from "@/lib/saml/saml-service-provider";
import { serialiseSamlSession } from "@/lib/saml/saml-session";

// The assertion consumer service (POST /zx/auth/saml): an IdP's Response in, a login ticket out.
// node-saml verifies signatures, audience, time limits and InResponseTo (against the request table,
// consumed once); this module adds what it leaves out: the request must come back to the browser
// that sent it, Destination and Recipient must be our ACS, SHA-1 is refused unless allowed, an
// assertion is used once, and the user must belong to the domain whose IdP signed.

export type SamlResponseInput = { samlResponse: unknown; relayState?: string; domainHint?: string | null; browserNonce?: string };
export type SamlSignIn = { ticket: string; stage: LoginStage; redirectUrl: string; relayState: string | null };

/** The address a SAML user is known by: the mailPrimaryAddress attribute, else the NameID. */
function assertedAddress(profile: Profile): string | null {
  const attribute = (profile.attributes as Record<string, unknown> | undefined)?.mailPrimaryAddress;
  const raw =
    typeof attribute === "string" ? attribute : Array.isArray(attribute) && attribute.length === 1 ? attribute[0] : profile.nameID;
  const parsed = emailField.safeParse(typeof raw === "string" ? raw : "");
  return parsed.success ? parsed.data : null;
}

async function chooseDomain(facts: ReturnType<typeof messageFacts>, input: SamlResponseInput, now: Date) {
  if (facts.inResponseTo) {
    const request = await peekSamlRequest(facts.inResponseTo, now);
    if (!request || request.kind !== "authn") throw new SamlRefusal("unknown_request");
    if (request.browserHash && request.browserHash !== sha256Hex(input.browserNonce ?? "")) {
      throw new SamlRefusal("other_browser", request.domainId);
    }
    const d = await findSamlDomainById(request.domainId);
    if (!d) throw new SamlRefusal("not_configured", request.domainId);
    return { d, redirectUrl: request.redirectUrl, idpInitiated: false };
  }
  const d = await findSamlDomainForIssuer(facts.issuer, input.domainHint);
  if (!d) throw new SamlRefusal("unknown_idp", null, facts.issuer.slice(0, 200));
  if (!enabled(d.keys, "gatehouse.allow_idp_initiated")) throw new SamlRefusal("idp_initiated_disabled", d.domain.id);
  return { d, redirectUrl: "/", idpInitiated: true };
}

async function verify(d: SamlDomain, samlResponse: string, facts: ReturnType<typeof messageFacts>, now: Date): Promise<Profile> {
  const cache = claimingRequestCache("authn", now);
  let profile: Profile | null;
  try {
    profile = (await samlClient(d, { cacheProvider: cache }).validatePostResponseAsync({ SAMLResponse: samlResponse })).profile;
  } catch (e) {
    throw new SamlRefusal("invalid_response", d.domain.id, e instanceof Error ? e.message.slice(0, 300) : "");
  }
  // node-saml consulted the request table only if InResponseTo was present; it was taken by us.
  if (facts.inResponseTo && cache.claimed() !== facts.inResponseTo) throw new SamlRefusal("unknown_request", d.domain.id);
  if (!profile) throw new SamlRefusal("invalid_response", d.domain.id, "no assertion");
  if (profile.issuer !== text(d.keys, "idp.entityid")) throw new SamlRefusal("wrong_issuer", d.domain.id);
  return profile;
}

export async function consumeSamlResponse(input: SamlResponseInput, ctx: Actor, now = new Date()): Promise<SamlSignIn> {
  const xml = decodeSamlMessage(input.samlResponse);
  const doc = parseSamlXml(xml);
  const facts = messageFacts(doc);
  if (facts.kind !== "Response") throw new SamlRefusal("malformed_message", null, facts.kind);
  const { d, redirectUrl, idpInitiated } = await chooseDomain(facts, input, now);
  const domainId = d.domain.id;
  const acs = text(d.keys, "sp.assertion_consumer_service.url");
  if (usesSha1(doc) && !enabled(d.keys, "gatehouse.allow_sha1")) throw new SamlRefusal("sha1_refused", domainId);
  checkDestination(facts, acs, domainId);
  const profile = await verify(d, input.samlResponse as string, facts, now);
  const assertion = checkVerifiedAssertion(profile.getAssertion?.(), acs, domainId);
  if (!(await recordAssertionUse(profile.issuer, assertion, now))) throw new SamlRefusal("replayed_assertion", domainId);

  const email = assertedAddress(profile);
  if (!email) throw new SamlRefusal("no_address", domainId);
  if (!email.endsWith(`@${d.domain.name}`)) throw new SamlRefusal("other_domain", domainId, email);

  return getDb().$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, status: true, domainId: true } });
    if (!user && enabled(d.keys, "gatehouse.create_unknown_users")) {
      const created = await insertUser(tx, { email }, null, { ...ctx, email: `saml:${d.domain.name}` });
      user = { id: created.id, email: created.email, status: "active", domainId };
    }
    if (!user || user.domainId !== domainId) throw new SamlRefusal("unknown_user", domainId, email);
    if (user.status !== "active") throw new SamlRefusal("account_inactive", domainId, email);
    // By default the IdP's authentication stands in for our second factor; the domain may ask for ours too.
    const stage: LoginStage = !enabled(d.keys, "gatehouse.require_second_factor")
      ? "ready"
      : (await hasSecondFactor(user.id, tx))
        ? "otp"
        : "enrol";
    const saml = serialiseSamlSession({
      domainId,
      nameId: profile.nameID.slice(0, 512),
      nameIdFormat: (profile.nameIDFormat ?? "").slice(0, 256),
      sessionIndex: (profile.sessionIndex ?? "").slice(0, 256),
    });
    const ticket = await createLoginTicket(
      tx,
      { userId: user.id, stage, authMethod: "saml", ip: ctx.ip, userAgent: ctx.userAgent, saml },
      now,
    );
    await recordAuditEvent(tx, {
      actor: { ...ctx, id: user.id, email: user.email },
      subject: user,
      action: "login.saml",
      result: "success",
      details: { domain: d.domain.name, idpInitiated, next: stage },
    });
    return { ticket, stage, redirectUrl, relayState: idpInitiated ? (input.relayState ?? null) : null };
  });
}
