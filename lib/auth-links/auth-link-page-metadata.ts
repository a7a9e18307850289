import type { Metadata } from "next";

/** The link pages carry a secret in their address: never indexed, never sent on as a referrer. */
export function authLinkPageMetadata(title: string): Metadata {
  return { title, referrer: "no-referrer", robots: { index: false, follow: false } };
}

/** Longer than any real token, short enough that a junk address costs nothing to reject. */
export const AUTH_LINK_TOKEN_MAX = 128;
