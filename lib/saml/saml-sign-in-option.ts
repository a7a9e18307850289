import { findSamlDomain } from "@/lib/saml/find-saml-domain";
import { enabled } from "@/lib/saml/saml-service-provider";

// What the sign-in page offers: "LOGIN SAML" when the domain has SAML, chosen from ?domain=, from
// the host name, or from the address typed (email first). The answer depends on the domain only,
// never on whether an account exists, so it tells a guesser nothing about accounts.

export type SamlSignInOption = { domain: string; samlOnly: boolean };

async function optionFor(domain: string): Promise<SamlSignInOption | null> {
  const d = await findSamlDomain(domain);
  return d ? { domain: d.domain.name, samlOnly: enabled(d.keys, "gatehouse.saml_only") } : null;
}

/** The domain part of an address, if it looks like one. */
export function domainOfAddress(email: string): string | null {
  const at = email.lastIndexOf("@");
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : "";
  return /^[a-z0-9.-]{1,253}$/.test(domain) && domain.includes(".") ? domain : null;
}

/**
 * Host → domain: the host itself or any parent domain of it (mail.example.com → example.com), the
 * nearest first. The port and an IP literal name no domain.
 */
export function domainsOfHost(host: string | null | undefined): string[] {
  const name = (host ?? "").replace(/:\d+$/, "").toLowerCase();
  if (!/^[a-z0-9.-]{1,253}$/.test(name) || /^[\d.]+$/.test(name)) return [];
  const labels = name.split(".");
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join("."));
  return out;
}

export async function samlSignInOption(input: {
  domain?: string | null;
  host?: string | null;
  email?: string | null;
}): Promise<SamlSignInOption | null> {
  const fromEmail = input.email ? domainOfAddress(input.email) : null;
  const candidates = fromEmail ? [fromEmail] : input.domain ? [input.domain.trim().toLowerCase()] : domainsOfHost(input.host);
  for (const domain of candidates.slice(0, 8)) {
    const option = await optionFor(domain);
    if (option) return option;
  }
  return null;
}
