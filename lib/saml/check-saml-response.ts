import { DOMParser } from "@xmldom/xmldom";
import { RSA_SHA1 } from "@/lib/saml/saml-keys";

// The checks node-saml leaves to us, on a SAML message as the browser delivered it. The facts read
// here before the signature check (InResponseTo, Issuer) only choose which domain's keys verify
// the message; nothing is trusted until node-saml has verified it.

/** A failure the user sees as "sign-in failed" and the admin reads in the audit trail. */
export class SamlRefusal extends Error {
  constructor(
    public readonly reason: string,
    public readonly domainId: string | null = null,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "SamlRefusal";
  }
}

const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
const DS = "http://www.w3.org/2000/09/xmldsig#";
/** Base64 of a SAML message: a real response is a few kilobytes; a megabyte is plenty. */
export const MAX_SAML_MESSAGE_CHARS = 1024 * 1024;
const SHA1_DIGEST = "http://www.w3.org/2000/09/xmldsig#sha1";

export function decodeSamlMessage(base64: unknown): string {
  if (typeof base64 !== "string" || !base64 || base64.length > MAX_SAML_MESSAGE_CHARS) throw new SamlRefusal("malformed_message");
  return Buffer.from(base64, "base64").toString("utf8");
}

export function parseSamlXml(xml: string): Document {
  // No document type declarations: entity expansion has no place in a SAML message.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SamlRefusal("malformed_message", null, "DOCTYPE");
  let failed = false;
  const fail = () => void (failed = true);
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, "text/xml");
  if (failed || !doc.documentElement) throw new SamlRefusal("malformed_message");
  return doc as unknown as Document;
}

export type MessageFacts = { kind: string; id: string; inResponseTo: string; issuer: string; destination: string };

/** The root element's kind and attributes, and the Issuer (its own, else the assertion's). */
export function messageFacts(doc: Document): MessageFacts {
  const root = doc.documentElement;
  if (root.namespaceURI !== PROTOCOL) throw new SamlRefusal("malformed_message", null, "not a SAML protocol message");
  const direct = (parent: Element, ns: string, name: string) =>
    Array.from(parent.childNodes).find(
      (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name,
    );
  const assertion = direct(root, ASSERTION, "Assertion");
  const issuer = direct(root, ASSERTION, "Issuer") ?? (assertion ? direct(assertion, ASSERTION, "Issuer") : undefined);
  return {
    kind: root.localName,
    id: root.getAttribute("ID") ?? "",
    inResponseTo: root.getAttribute("InResponseTo") ?? "",
    issuer: (issuer?.textContent ?? "").trim(),
    destination: root.getAttribute("Destination") ?? "",
  };
}

/** Whether any signature in the message uses SHA-1, as its signature or its digest algorithm. */
export function usesSha1(doc: Document): boolean {
  const algorithms = [
    ...Array.from(doc.getElementsByTagNameNS(DS, "SignatureMethod")),
    ...Array.from(doc.getElementsByTagNameNS(DS, "DigestMethod")),
  ].map((e) => e.getAttribute("Algorithm") ?? "");
  return algorithms.some((a) => a === RSA_SHA1 || a === SHA1_DIGEST);
}

/** Same endpoint: scheme, host, port and path, a trailing slash and the query aside (Azure's Reply URL carries ?domain=). */
export function sameEndpoint(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    const path = (u: URL) => u.pathname.replace(/\/+$/, "");
    return x.origin === y.origin && path(x) === path(y);
  } catch {
    return false;
  }
}

/** node-saml does not check where a response was meant to go: a response for another SP is refused. */
export function checkDestination(facts: MessageFacts, acsUrl: string, domainId: string): void {
  if (facts.destination && !sameEndpoint(facts.destination, acsUrl)) {
    throw new SamlRefusal("wrong_destination", domainId, facts.destination.slice(0, 200));
  }
}

type XmlJs = { $?: Record<string, string>; _?: string; [child: string]: unknown };
const first = (node: unknown, name: string): XmlJs | undefined => {
  const list = (node as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(list) ? (list[0] as XmlJs) : undefined;
};

export type AssertionFacts = { id: string; notOnOrAfter: Date | null };

/**
 * On the verified assertion (node-saml's parsed copy of the signed XML): every bearer
 * SubjectConfirmationData names our ACS as Recipient, and the facts that keep a replay out.
 */
export function checkVerifiedAssertion(parsed: unknown, acsUrl: string, domainId: string): AssertionFacts {
  const assertion = first(parsed as Record<string, unknown>, "Assertion") ?? ((parsed as { Assertion?: XmlJs }).Assertion as XmlJs);
  const subject = first(assertion, "Subject");
  const confirmations = ((subject?.SubjectConfirmation as XmlJs[] | undefined) ?? []).map((c) => first(c, "SubjectConfirmationData"));
  if (!confirmations.length || confirmations.some((data) => !data?.$?.Recipient || !sameEndpoint(data.$.Recipient, acsUrl))) {
    throw new SamlRefusal("wrong_recipient", domainId);
  }
  const id = assertion?.$?.ID ?? "";
  if (!id) throw new SamlRefusal("malformed_message", domainId, "assertion without ID");
  const limits = [first(assertion, "Conditions")?.$?.NotOnOrAfter, ...confirmations.map((d) => d?.$?.NotOnOrAfter)]
    .filter((v): v is string => Boolean(v))
    .map((v) => new Date(v))
    .filter((d) => !Number.isNaN(d.getTime()));
  return { id, notOnOrAfter: limits.length ? new Date(Math.max(...limits.map((d) => d.getTime()))) : null };
}
