import { headers } from "next/headers";
import type { IncomingHttpHeaders } from "node:http";

export type RequestContext = { ip: string; userAgent: string };

// scripts/web-server.mjs replaces X-Forwarded-For with the one client address it decided on (the
// TCP peer, or the first untrusted hop behind TRUSTED_PROXIES), so the last entry is the one to use.
export function clientIpFrom(forwardedFor: string | null | undefined): string {
  const parts = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return (parts.at(-1) ?? "").replace(/^::ffff:/, "").slice(0, 64);
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return { ip: clientIpFrom(h.get("x-forwarded-for")), userAgent: (h.get("user-agent") ?? "").slice(0, 512) };
}

export function contextFromNodeHeaders(h: IncomingHttpHeaders | Record<string, string | string[] | undefined> | undefined): RequestContext {
  const get = (k: string) => {
    const v = h?.[k];
    return Array.isArray(v) ? v.join(",") : v;
  };
  return { ip: clientIpFrom(get("x-forwarded-for")), userAgent: (get("user-agent") ?? "").slice(0, 512) };
}
