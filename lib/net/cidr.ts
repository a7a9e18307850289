// Trusted IP ranges for 2FA policies (Carbonio's `trusted_ip_range CIDR,..`): strict parsing of
// IPv4/IPv6 CIDRs and membership tests. IPv4-mapped IPv6 addresses are treated as IPv4, because
// dual-stack sockets report IPv4 clients as ::ffff:a.b.c.d.
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

export const MAX_IP_RANGES = 100;
export const MAX_IP_RANGE_LENGTH = 64;

export interface IpRange {
  version: 4 | 6;
  /** Network address as an integer (host bits are zero). */
  network: bigint;
  prefix: number;
  /** Canonical text, e.g. "10.0.0.0/8" or "2001:db8::/32". */
  cidr: string;
}

interface ParsedIp {
  version: 4 | 6;
  value: bigint;
}

const V4_BITS = 32;
const V6_BITS = 128;
const V4_MAPPED_PREFIX = 0xffffn << 32n; // ::ffff:0:0/96

function ipv4ToBigInt(address: string): bigint {
  return address.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

// Expects text that node:net isIP already accepted as IPv6 (so shape is valid), without a zone id.
function ipv6ToBigInt(address: string): bigint {
  let text = address;
  let tail: bigint[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    // Embedded dotted quad (::ffff:1.2.3.4) supplies the last two 16-bit groups.
    const v4 = ipv4ToBigInt(text.slice(lastColon + 1));
    tail = [v4 >> 16n, v4 & 0xffffn];
    text = text.slice(0, lastColon + 1) + "0"; // placeholder group, dropped below
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const toGroups = (part: string) => (part === "" ? [] : part.split(":").map((group) => BigInt(parseInt(group, 16))));
  let groups: bigint[];
  if (rest === undefined) {
    groups = toGroups(head);
  } else {
    const left = toGroups(head);
    const right = toGroups(rest);
    // With a dotted tail the placeholder stands in for one group, so the rest must make seven.
    const missing = (tail.length > 0 ? 7 : 8) - left.length - right.length;
    groups = [...left, ...Array<bigint>(missing).fill(0n), ...right];
  }
  if (tail.length > 0) groups = [...groups.slice(0, -1), ...tail];
  return groups.reduce((acc, group) => (acc << 16n) | group, 0n);
}

function parseIp(text: string): ParsedIp | null {
  // Zone ids (fe80::1%eth0) are host-local and never meaningful in a policy, so isIP's leniency is refused.
  if (text.includes("%")) return null;
  const version = isIP(text);
  if (version === 4) return { version: 4, value: ipv4ToBigInt(text) };
  if (version === 6) return { version: 6, value: ipv6ToBigInt(text) };
  return null;
}

// ::ffff:a.b.c.d (any spelling) becomes plain IPv4 so it matches IPv4 ranges.
function unmap(ip: ParsedIp): ParsedIp {
  if (ip.version === 6 && ip.value >> 32n === 0xffffn) return { version: 4, value: ip.value & 0xffffffffn };
  return ip;
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
}

// RFC 5952: lower-case hex, no leading zeros, longest run (≥ 2) of zero groups compressed to "::".
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(112 - index * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

const formatIp = (ip: ParsedIp) => (ip.version === 4 ? formatIpv4(ip.value) : formatIpv6(ip.value));

/** Canonical text of an address (IPv4-mapped IPv6 → dotted IPv4), or null when it is not an IP. */
export function normaliseIp(ip: string): string | null {
  if (typeof ip !== "string" || ip.length > MAX_IP_RANGE_LENGTH) return null;
  const parsed = parseIp(ip.trim());
  return parsed ? formatIp(unmap(parsed)) : null;
}

/**
 * The network of the given prefix length that holds `ip` ("2001:db8:1:2::/64"), canonical so
 * every spelling of one network gives the same text; IPv4-mapped IPv6 counts as IPv4. Null when
 * `ip` is not an address.
 */
export function containingNetwork(ip: string, prefix: { v4: number; v6: number }): IpRange | null {
  if (typeof ip !== "string" || ip.length > MAX_IP_RANGE_LENGTH) return null;
  const parsed = parseIp(ip.trim());
  if (!parsed) return null;
  const address = unmap(parsed);
  const bits = address.version === 4 ? V4_BITS : V6_BITS;
  const length = Math.max(0, Math.min(bits, address.version === 4 ? prefix.v4 : prefix.v6));
  const hostMask = (1n << BigInt(bits - length)) - 1n;
  const network = address.value & ~hostMask;
  return { version: address.version, network, prefix: length, cidr: `${formatIp({ version: address.version, value: network })}/${length}` };
}

function invalidRange(message: string): AppError {
  return new AppError("invalid_input", message, { trustedIpRange: [message] });
}

const shown = (entry: string) => (entry.length > MAX_IP_RANGE_LENGTH ? `${entry.slice(0, MAX_IP_RANGE_LENGTH)}…` : entry);

/** One CIDR ("10.0.0.0/8", "2001:db8::/32") or bare address (= /32 or /128). Throws AppError. */
export function parseIpRange(entry: string): IpRange {
  const text = entry.trim();
  if (text.length === 0) throw invalidRange(messageKey("errors.ipRange.empty"));
  if (text.length > MAX_IP_RANGE_LENGTH) {
    throw invalidRange(messageKey("errors.ipRange.tooLong", { entry: shown(text), max: MAX_IP_RANGE_LENGTH }));
  }

  const slash = text.indexOf("/");
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? null : text.slice(slash + 1);
  const parsed = parseIp(addressText);
  if (!parsed) throw invalidRange(messageKey("errors.ipRange.notAddress", { entry: text }));

  const bits = parsed.version === 4 ? V4_BITS : V6_BITS;
  let prefix = bits;
  if (prefixText !== null) {
    // Decimal only, no sign, no leading zeros: "/08" or "/+8" are typos, not prefixes.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
      throw invalidRange(messageKey("errors.ipRange.prefix", { entry: text, bits }));
    }
    prefix = Number(prefixText);
  }

  let ip = parsed;
  // A range inside ::ffff:0:0/96 describes IPv4 clients; store it as IPv4 so matching is uniform.
  if (parsed.version === 6 && prefix >= 96 && parsed.value >> 32n === 0xffffn) {
    ip = { version: 4, value: parsed.value - V4_MAPPED_PREFIX };
    prefix -= 96;
  }
  const hostBits = BigInt((ip.version === 4 ? V4_BITS : V6_BITS) - prefix);
  const hostMask = (1n << hostBits) - 1n;
  if ((ip.value & hostMask) !== 0n) {
    // Refuse rather than silently widen: "10.1.2.3/8" usually means the operator mistyped something.
    const network = formatIp({ version: ip.version, value: ip.value & ~hostMask });
    throw invalidRange(messageKey("errors.ipRange.hostBits", { entry: text, network: `${network}/${prefix}` }));
  }
  return { version: ip.version, network: ip.value, prefix, cidr: `${formatIp(ip)}/${prefix}` };
}

/**
 * A comma-separated list of CIDRs / addresses, as typed in the policy form or CLI.
 * Empty or blank input means "no trusted ranges". Duplicates are dropped.
 */
export function parseIpRanges(list: string): IpRange[] {
  if (typeof list !== "string") throw invalidRange(messageKey("errors.ipRange.notAddress", { entry: shown(String(list)) }));
  if (list.trim() === "") return [];
  // Bound the work before splitting: 100 entries of 64 chars plus separators and spaces.
  if (list.length > MAX_IP_RANGES * (MAX_IP_RANGE_LENGTH + 4)) {
    throw invalidRange(messageKey("errors.ipRange.tooMany", { max: MAX_IP_RANGES }));
  }
  const entries = list.split(",");
  if (entries.length > MAX_IP_RANGES) {
    throw invalidRange(messageKey("errors.ipRange.tooMany", { max: MAX_IP_RANGES }));
  }
  const ranges = new Map<string, IpRange>();
  for (const entry of entries) {
    const range = parseIpRange(entry);
    ranges.set(range.cidr, range);
  }
  return [...ranges.values()];
}

/** Canonical comma-separated form, for storage and display. */
export function formatIpRanges(ranges: readonly IpRange[]): string {
  return ranges.map((range) => range.cidr).join(",");
}

/** True when `ip` lies in any of `ranges`. Unparseable addresses match nothing. */
export function ipInRanges(ip: string, ranges: readonly IpRange[]): boolean {
  if (typeof ip !== "string" || ip.length > MAX_IP_RANGE_LENGTH) return false;
  const parsed = parseIp(ip.trim());
  if (!parsed) return false;
  const address = unmap(parsed);
  return ranges.some((range) => {
    if (range.version !== address.version) return false;
    const hostBits = BigInt((range.version === 4 ? V4_BITS : V6_BITS) - range.prefix);
    return address.value >> hostBits === range.network >> hostBits;
  });
}
