import { headers } from "next/headers";
import type { IncomingHttpHeaders } from "node:http";
import { log } from "@/lib/log/logger";
import { CLIENT_ADDRESS_HEADER, openClientAddress, PEER_KEY_ENV } from "@/lib/net/client-address-header";

export type RequestContext = { ip: string; userAgent: string };

// Once per process: Next.js may bundle this module into several chunks, so the flag lives on globalThis.
const WARNED = "__gatehouseClientAddressUnknownWarned";

/**
 * The client address scripts/web-server.ts decided (TCP peer, or the right-most untrusted hop
 * behind TRUSTED_PROXIES) and sealed into its header. Without a valid seal, e.g. under a bare
 * `next start`, the address is "" (unknown): it matches no trusted range or allow-list, and
 * X-Forwarded-For is never read, because any client can write it.
 */
export function clientIpFrom(sealed: string | null | undefined): string {
  const ip = openClientAddress(sealed, process.env[PEER_KEY_ENV]);
  if (ip !== null) return ip;
  const flags = globalThis as { [WARNED]?: boolean };
  if (!flags[WARNED]) {
    flags[WARNED] = true;
    log.warn("request.client_address_unknown", {
      message: "client addresses are unknown because Gatehouse was not started with npm start or npm run dev",
    });
  }
  return "";
}

/** The longest user agent kept: enough for every real browser, bounded for the audit trail. */
const USER_AGENT_MAX = 512;

/**
 * The one place a request's context is built, whatever kind of headers it arrived with: the
 * three readers below only adapt their header objects to `get`.
 */
function contextFrom(get: (name: string) => string | null | undefined): RequestContext {
  return { ip: clientIpFrom(get(CLIENT_ADDRESS_HEADER)), userAgent: (get("user-agent") ?? "").slice(0, USER_AGENT_MAX) };
}

/** In server components and server actions. */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return contextFrom((name) => h.get(name));
}

/** From a Fetch API Headers object (route handlers). */
export function contextFromHeaders(h: Headers): RequestContext {
  return contextFrom((name) => h.get(name));
}

/** From Node's request headers (next-auth's authorize callback). */
export function contextFromNodeHeaders(h: IncomingHttpHeaders | Record<string, string | string[] | undefined> | undefined): RequestContext {
  return contextFrom((name) => {
    const value = h?.[name];
    return Array.isArray(value) ? value.join(",") : value;
  });
}
