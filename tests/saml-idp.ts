import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as samlify from "samlify";
import { RSA_SHA1, RSA_SHA256 } from "@/lib/saml/saml-keys";
import { keyPair } from "./saml-metadata";

// An independent identity provider for the SAML tests: samlify, with its own key pair, builds and
// signs every response and logout message. Gatehouse's code only ever verifies. Tests bend a
// response through `values` (the template's tags: Audience, Destination, times, …) or `after`
// (the signed XML, for attacks that edit a message after signing).

// samlify insists on a schema validator; the messages it parses here are Gatehouse's own, whose
// schema validity is not what these tests are about.
samlify.setSchemaValidator({ validate: async () => "skipped" });

const POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

export type SpEndpoints = { entityId: string; acs: string; slo: string };
export type ResponseOptions = {
  nameId: string;
  inResponseTo?: string;
  sessionIndex?: string;
  attributes?: Record<string, string>;
  /** Template tags to override (Audience, Destination, SubjectRecipient, ConditionsNotOnOrAfter, …). */
  values?: Record<string, string>;
  /** Sign the whole response as well as the assertion. */
  signMessage?: boolean;
  /** Edits the signed XML (attacks). */
  after?: (xml: string) => string;
};

const escapeXml = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export type IdpKeys = { privateKey: string; certificate: string };

export class TestIdp {
  readonly idp: ReturnType<typeof samlify.IdentityProvider>;

  static async create(entityId: string, baseUrl: string, opts: { sha1?: boolean; keys?: IdpKeys } = {}): Promise<TestIdp> {
    return new TestIdp(entityId, baseUrl, opts.keys ?? (await keyPair(30)), opts.sha1 ?? false);
  }

  private constructor(
    readonly entityId: string,
    readonly baseUrl: string,
    readonly keys: IdpKeys,
    sha1: boolean,
  ) {
    this.idp = samlify.IdentityProvider({
      entityID: entityId,
      privateKey: this.keys.privateKey,
      signingCert: this.keys.certificate,
      nameIDFormat: [EMAIL],
      requestSignatureAlgorithm: sha1 ? RSA_SHA1 : RSA_SHA256,
      singleSignOnService: [{ Binding: REDIRECT, Location: `${baseUrl}/sso` }],
      singleLogoutService: [{ Binding: REDIRECT, Location: `${baseUrl}/slo` }],
    });
  }

  metadata(): string {
    return this.idp.getMetadata();
  }

  sp(ep: SpEndpoints, opts: { wantMessageSigned?: boolean } = {}) {
    return samlify.ServiceProvider({
      entityID: ep.entityId,
      wantAssertionsSigned: true,
      wantMessageSigned: opts.wantMessageSigned ?? false,
      // samlify signs the logout messages it sends an SP that asks for signed ones.
      wantLogoutRequestSigned: true,
      wantLogoutResponseSigned: true,
      assertionConsumerService: [{ Binding: POST, Location: ep.acs }],
      singleLogoutService: [{ Binding: REDIRECT, Location: ep.slo }],
    });
  }

  /** A signed login response for the SP, base64 as the browser posts it. */
  async response(ep: SpEndpoints, o: ResponseOptions): Promise<string> {
    const now = new Date();
    const later = new Date(now.getTime() + 5 * 60 * 1000).toISOString();
    const attributes = Object.entries(o.attributes ?? {})
      .map(([k, v]) => `<saml:Attribute Name="${k}"><saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue></saml:Attribute>`)
      .join("");
    const id = `_r${Math.random().toString(16).slice(2)}${Date.now()}`;
    const values: Record<string, string> = {
      ID: id,
      AssertionID: `_a${Math.random().toString(16).slice(2)}${Date.now()}`,
      Destination: ep.acs,
      Audience: ep.entityId,
      SubjectRecipient: ep.acs,
      Issuer: this.entityId,
      IssueInstant: now.toISOString(),
      StatusCode: "urn:oasis:names:tc:SAML:2.0:status:Success",
      ConditionsNotBefore: now.toISOString(),
      ConditionsNotOnOrAfter: later,
      SubjectConfirmationDataNotOnOrAfter: later,
      NameIDFormat: EMAIL,
      NameID: o.nameId,
      InResponseTo: o.inResponseTo ?? "",
      ...o.values,
    };
    // samlify escapes every tag value, so the two statements (XML, not text) go in first.
    const statements: Record<string, string> = {
      AuthnStatement: `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${o.sessionIndex ?? "_session1"}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
      AttributeStatement: attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : "",
    };
    const context = await this.idp.createLoginResponse(
      this.sp(ep, { wantMessageSigned: o.signMessage }),
      {} as never,
      "post",
      { email: o.nameId },
      {
        customTagReplacement: (template: string) => {
          let xml = template.replace(/\{(AuthnStatement|AttributeStatement)\}/g, (_m, tag: string) => statements[tag]);
          xml = samlify.SamlLib.replaceTagsByValue(xml, values);
          // An IdP-initiated response answers nothing: no InResponseTo at all rather than an empty one.
          if (!o.inResponseTo) xml = xml.replace(/ InResponseTo=""/g, "");
          return { id, context: xml };
        },
      },
    );
    const signed = Buffer.from(context.context, "base64").toString("utf8");
    return Buffer.from(o.after ? o.after(signed) : signed, "utf8").toString("base64");
  }

  /** Reads the AuthnRequest of a redirect URL Gatehouse sent the browser to: its ID. */
  async requestIdOf(ep: SpEndpoints, redirectUrl: string): Promise<string> {
    const url = new URL(redirectUrl);
    const parsed = await this.idp.parseLoginRequest(this.sp(ep), "redirect", {
      query: Object.fromEntries(url.searchParams),
      octetString: url.search.slice(1),
    });
    return (parsed.extract as { request: { id: string } }).request.id;
  }

  /** A signed IdP-initiated LogoutRequest, as the redirect binding's URL to Gatehouse's SLO endpoint. */
  logoutRequestUrl(ep: SpEndpoints, nameId: string, sessionIndex?: string): string {
    const ctx = this.idp.createLogoutRequest(this.sp(ep), "redirect", { logoutNameID: nameId, sessionIndex, email: nameId }) as {
      context: string;
    };
    return ctx.context;
  }

  /** The LogoutResponse to Gatehouse's LogoutRequest (a redirect URL to the IdP), as a redirect URL back. */
  async logoutResponseUrl(ep: SpEndpoints, logoutRequestUrl: string): Promise<string> {
    const url = new URL(logoutRequestUrl);
    const parsed = await this.idp.parseLogoutRequest(this.sp(ep), "redirect", {
      query: Object.fromEntries(url.searchParams),
      octetString: url.search.slice(1),
    });
    const ctx = this.idp.createLogoutResponse(this.sp(ep), parsed as never, "redirect") as { context: string };
    return ctx.context;
  }
}

/** Removes every XML signature: an unsigned message. */
export const stripSignatures = (xml: string) => xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, "");

export type IdpAnswer = { status?: number; type?: string; body: string; location?: string };

/**
 * Serves a test IdP's pages on a loopback port; `handler` answers each request. `hostName` names
 * the loopback address in its URLs: a browser test gives the SP's own (localhost), because over
 * plain http the SP's SameSite=Lax cookie comes back with the IdP's POST only from the same site.
 */
export async function serveIdp(
  handler: (url: URL) => Promise<IdpAnswer>,
  hostName = "127.0.0.1",
): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    handler(url)
      .then((out) => {
        res.writeHead(out.status ?? 200, {
          "content-type": out.type ?? "application/xml",
          ...(out.location ? { location: out.location } : {}),
        });
        res.end(out.body);
      })
      .catch((e: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://${hostName}:${(server.address() as AddressInfo).port}` };
}
