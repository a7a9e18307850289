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

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return { ip: clientIpFrom(h.get(CLIENT_ADDRESS_HEADER)), userAgent: (h.get("user-agent") ?? "").slice(0, 512) };
}

/** The same, from a Fetch API Headers object (route handlers). */
export function contextFromHeaders(h: Headers): RequestContext {
  return { ip: clientIpFrom(h.get(CLIENT_ADDRESS_HEADER)), userAgent: (h.get("user-agent") ?? "").slice(0, 512) };
}

export function contextFromNodeHeaders(h: IncomingHttpHeaders | Record<string, string | string[] | undefined> | undefined): RequestContext {
  const get = (k: string) => {
    const v = h?.[k];
    return Array.isArray(v) ? v.join(",") : v;
  };
  return { ip: clientIpFrom(get(CLIENT_ADDRESS_HEADER)), userAgent: (get("user-agent") ?? "").slice(0, 512) };
}
