import { containingNetwork } from "@/lib/net/cidr";

// The names of the throttle's counters. Pure functions, so they can be unit tested.

const LOOKS_LIKE_ADDRESS = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
export const NOT_AN_ADDRESS = "(not an address)";

/**
 * What was typed as the address, lower-cased and capped. Anything not shaped like an address
 * becomes one placeholder: people paste passwords into the wrong field, and those must not be
 * stored (in the audit trail or as a counter's name).
 */
export function typedAddress(input: string): string {
  const typed = String(input ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  return LOOKS_LIKE_ADDRESS.test(typed) ? typed : NOT_AN_ADDRESS;
}

/** Keyed on the typed address, not the account, so unknown addresses are slowed exactly like real ones. */
export const accountThrottleKey = (email: string) => `account:${typedAddress(email)}`;

/**
 * IPv4 clients are counted per address ("ip:192.0.2.1", IPv4-mapped IPv6 included). An IPv6 client
 * usually holds a whole /64, so it is counted per /64 ("ip6:2001:db8:1:2::/64"), or it could take a
 * fresh address for every guess. Anything unparseable shares one counter.
 */
export function ipThrottleKey(ip: string): string {
  const withoutZone = typeof ip === "string" ? ip.split("%")[0] : "";
  const network = containingNetwork(withoutZone, { v4: 32, v6: 64 });
  if (!network) return "ip:unknown";
  return network.version === 4 ? `ip:${network.cidr.slice(0, -"/32".length)}` : `ip6:${network.cidr}`;
}
