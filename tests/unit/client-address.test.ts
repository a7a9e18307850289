import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, parseTrustedProxies } from "@/lib/net/client-address";
import { newPeerKey, openClientAddress, sealClientAddress } from "@/lib/net/client-address-header";

// The client-address rule (README "Client address"): the TCP peer, unless it is a trusted proxy.
const NONE = parseTrustedProxies(undefined);
const LOCAL_NGINX = parseTrustedProxies("127.0.0.1,::1");

test("with no trusted proxies, X-Forwarded-For is ignored and the TCP peer is the client", () => {
  assert.equal(clientAddress("127.0.0.1", "10.1.2.3", NONE), "127.0.0.1");
  assert.equal(clientAddress("203.0.113.9", "10.1.2.3, 127.0.0.1", NONE), "203.0.113.9");
  assert.equal(clientAddress("::ffff:127.0.0.1", "10.1.2.3", NONE), "127.0.0.1", "IPv4-mapped peers are plain IPv4");
});

test("an untrusted peer's X-Forwarded-For is ignored even when proxies are configured", () => {
  assert.equal(clientAddress("198.51.100.7", "127.0.0.1", LOCAL_NGINX), "198.51.100.7");
  assert.equal(clientAddress("198.51.100.7", ["10.0.0.1", "127.0.0.1"], LOCAL_NGINX), "198.51.100.7");
});

test("a trusted peer: the right-most hop is the client, whatever the client wrote to its left", () => {
  assert.equal(clientAddress("127.0.0.1", "198.51.100.7", LOCAL_NGINX), "198.51.100.7");
  assert.equal(clientAddress("127.0.0.1", "10.1.2.3, 198.51.100.7", LOCAL_NGINX), "198.51.100.7");
  assert.equal(clientAddress("::ffff:127.0.0.1", "10.1.2.3,198.51.100.7", LOCAL_NGINX), "198.51.100.7");
  assert.equal(clientAddress("127.0.0.1", undefined, LOCAL_NGINX), "127.0.0.1", "the proxy's own request");
  assert.equal(clientAddress("127.0.0.1", "  ", LOCAL_NGINX), "127.0.0.1");
});

test("a chain of trusted proxies is walked from the right to the first untrusted hop", () => {
  const chain = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
  // client -> edge LB 10.0.0.5 -> inner proxy 10.0.0.9 -> nginx on 127.0.0.1 -> us
  assert.equal(clientAddress("127.0.0.1", "10.9.9.9, 192.0.2.44, 10.0.0.5, 10.0.0.9", chain), "192.0.2.44");
  // Every hop trusted: the left-most one is the furthest address known.
  assert.equal(clientAddress("127.0.0.1", "10.0.0.5, 10.0.0.9", chain), "10.0.0.5");
});

test("garbage in the trusted part of the chain makes the address unknown, never a trusted one", () => {
  const chain = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
  assert.equal(clientAddress("127.0.0.1", "10.1.2.3, unknown, 10.0.0.9", chain), "");
  assert.equal(clientAddress("127.0.0.1", "10.1.2.3, 999.1.1.1", chain), "");
  assert.equal(clientAddress("127.0.0.1", "10.1.2.3, , 10.0.0.9", chain), "");
  // Garbage left of the first untrusted hop is the client's own writing and is never read.
  assert.equal(clientAddress("127.0.0.1", "<script>, 192.0.2.44", chain), "192.0.2.44");
  assert.equal(clientAddress(undefined, "192.0.2.44", chain), "", "no peer address at all");
  assert.equal(clientAddress("127.0.0.1", `${"10.0.0.1,".repeat(10_000)}192.0.2.44`, chain), "192.0.2.44");
});

test("IPv6 peers and hops, in any spelling", () => {
  const v6 = parseTrustedProxies("::1, 2001:db8:ffff::/48");
  assert.equal(clientAddress("::1", "2001:DB8:1::0:7", v6), "2001:db8:1::7");
  assert.equal(clientAddress("0:0:0:0:0:0:0:1", "192.0.2.1, 2001:db8:ffff::2", v6), "192.0.2.1");
  assert.equal(clientAddress("2001:db8:1::9", "192.0.2.1", v6), "2001:db8:1::9", "an untrusted IPv6 peer");
  assert.equal(clientAddress("::1", "fe80::1%eth0", v6), "", "zone ids are not addresses");
  assert.throws(() => parseTrustedProxies("127.0.0.1, localhost"), /Invalid IP range "localhost"/);
});

test("the sealed client-address header: only the wrapper's key opens it", () => {
  const key = newPeerKey();
  assert.equal(openClientAddress(sealClientAddress("192.0.2.44", key), key), "192.0.2.44");
  assert.equal(openClientAddress(sealClientAddress("", key), key), "", "unknown stays unknown");
  assert.equal(openClientAddress(sealClientAddress("10.1.2.3", newPeerKey()), key), null, "another process's seal");
  assert.equal(openClientAddress(sealClientAddress("192.0.2.44", key).replace("192.0.2.44", "10.1.2.3"), key), null);
  assert.equal(openClientAddress("10.1.2.3", key), null);
  assert.equal(openClientAddress(sealClientAddress("10.1.2.3", key), undefined), null, "no key (bare next start): nothing is believed");
  assert.equal(openClientAddress(sealClientAddress("10.1.2.3", ""), ""), null);
});
