// Which address is the client? The TCP peer, unless the peer is a reverse proxy listed in
// TRUSTED_PROXIES: then the right-most X-Forwarded-For hop that is not itself a trusted proxy
// (each proxy appends the address it saw, so entries left of the last untrusted hop are whatever
// the client wrote). Used by scripts/web-server.ts before Next.js sees the request; no
// "server-only" import, because that wrapper runs without the react-server condition.
import { ipInRanges, normaliseIp, parseIpRanges, type IpRange } from "@/lib/net/cidr";

export type TrustedProxies = readonly IpRange[];

/** TRUSTED_PROXIES ("127.0.0.1,::1,10.0.0.0/8"), parsed once at start. Throws on a bad entry. */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  return parseIpRanges(list ?? "");
}

/** At most this many X-Forwarded-For hops are looked at (a longer header is someone's garbage). */
const MAX_HOPS = 32;

/**
 * The client address for a request from `peer` carrying `forwardedFor`, in canonical form
 * (IPv4-mapped IPv6 as dotted IPv4); "" (unknown) when it cannot be told.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  let address = normaliseIp(peer ?? "") ?? "";
  if (!address || !ipInRanges(address, trusted)) return address;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  if (header.trim() === "") return address; // the proxy's own request
  const hops = header.split(",").slice(-MAX_HOPS);
  while (hops.length > 0) {
    const hop = normaliseIp(hops.pop()!.trim());
    // A trusted proxy wrote something that is not an address ("unknown", a typo): everything to
    // its left is the client's own writing, and the proxy's address would look local. Unknown.
    if (!hop) return "";
    address = hop;
    if (!ipInRanges(address, trusted)) break;
  }
  return address;
}
