// How the web wrapper (scripts/web-server.ts) hands the client address it decided to the app, in
// a form no client can forge: "address;hmac(address)" under a random key the wrapper makes at
// start and keeps in its own process environment. A bare `next start` or `next dev` has no key,
// so nothing a client writes into this header (or into X-Forwarded-For) is believed there.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CLIENT_ADDRESS_HEADER = "x-gatehouse-client";
export const PEER_KEY_ENV = "GATEHOUSE_PEER_KEY";

const mac = (address: string, key: string) => createHmac("sha256", key).update(address).digest("base64url");

/** A fresh per-process key (the wrapper calls this once). */
export function newPeerKey(): string {
  return randomBytes(32).toString("base64url");
}

export function sealClientAddress(address: string, key: string): string {
  return `${address};${mac(address, key)}`;
}

/** The address sealed in `value`, or null when there is no key or the seal does not verify. */
export function openClientAddress(value: string | null | undefined, key: string | undefined): string | null {
  if (!key || typeof value !== "string" || value.length > 160) return null;
  const cut = value.lastIndexOf(";");
  if (cut < 0) return null;
  const address = value.slice(0, cut);
  const given = Buffer.from(value.slice(cut + 1));
  const expected = Buffer.from(mac(address, key));
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}
