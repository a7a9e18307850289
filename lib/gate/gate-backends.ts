import { isIP } from "node:net";

// Where nginx sends a login the gate let through: one backend per mail protocol, optionally one
// per domain. Settings GATE_IMAP_BACKEND, GATE_POP3_BACKEND, GATE_SMTP_BACKEND, each
// "host:port[,domain=host:port…]", e.g. "10.0.0.5:143,example.org=10.0.0.6:143". nginx connects
// to Auth-Server as given and does not resolve names, so hosts are IP addresses ("[::1]:143").

export const MAIL_PROTOCOLS = ["imap", "pop3", "smtp"] as const;
export type MailProtocol = (typeof MAIL_PROTOCOLS)[number];

export type Backend = { host: string; port: number };
export type ProtocolBackends = { fallback: Backend | null; byDomain: Map<string, Backend> };
export type GateBackends = Record<MailProtocol, ProtocolBackends>;

export const BACKEND_SETTING: Record<MailProtocol, string> = {
  imap: "GATE_IMAP_BACKEND",
  pop3: "GATE_POP3_BACKEND",
  smtp: "GATE_SMTP_BACKEND",
};

function parseHostPort(text: string): Backend {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(text.trim());
  const host = m ? (m[1] ?? m[2]) : "";
  const port = m ? Number(m[3]) : 0;
  if (!m || isIP(host) === 0 || port < 1 || port > 65535) throw new Error(`"${text.trim().slice(0, 80)}" is not ip:port`);
  return { host, port };
}

/** Parses one setting's value; throws an Error whose message says what is wrong. */
export function parseBackendList(value: string | undefined): ProtocolBackends {
  const out: ProtocolBackends = { fallback: null, byDomain: new Map() };
  if (!value || value.trim() === "") return out;
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) {
      if (out.fallback) throw new Error("more than one default backend");
      out.fallback = parseHostPort(part);
      continue;
    }
    const domain = part.slice(0, eq).trim().toLowerCase();
    if (!/^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/.test(domain)) throw new Error(`"${domain.slice(0, 80)}" is not a domain name`);
    out.byDomain.set(domain, parseHostPort(part.slice(eq + 1)));
  }
  return out;
}

export function parseGateBackends(env: Record<string, string | undefined>): GateBackends {
  const entries = MAIL_PROTOCOLS.map((protocol) => {
    try {
      return [protocol, parseBackendList(env[BACKEND_SETTING[protocol]])] as const;
    } catch (e) {
      throw new Error(`invalid setting ${BACKEND_SETTING[protocol]}: ${(e as Error).message}`);
    }
  });
  return Object.fromEntries(entries) as GateBackends;
}

/** The backend for a canonical address over a protocol: its domain's, else the default; null when none is set. */
export function backendFor(backends: GateBackends, protocol: MailProtocol, email: string): Backend | null {
  const table = backends[protocol];
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return table.byDomain.get(domain) ?? table.fallback;
}
