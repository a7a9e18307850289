import { test } from "node:test";
import assert from "node:assert/strict";
import { contextFromHeaders, contextFromNodeHeaders } from "@/lib/http/request-context";
import { CLIENT_ADDRESS_HEADER, newPeerKey, PEER_KEY_ENV, sealClientAddress } from "@/lib/net/client-address-header";

// Route handlers and next-auth's callback build the same context from different header objects.
const key = newPeerKey();
process.env[PEER_KEY_ENV] = key;

test("a sealed client address is believed; X-Forwarded-For never is", () => {
  const sealed = sealClientAddress("198.51.100.7", key);
  const fetchHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: sealed, "x-forwarded-for": "10.9.9.9", "user-agent": "Mail/1.0" });
  assert.deepEqual(contextFromHeaders(fetchHeaders), { ip: "198.51.100.7", userAgent: "Mail/1.0" });
  assert.deepEqual(contextFromNodeHeaders({ [CLIENT_ADDRESS_HEADER]: sealed, "user-agent": "Mail/1.0" }), {
    ip: "198.51.100.7",
    userAgent: "Mail/1.0",
  });
});

test("a header sealed with another key, or none, leaves the address unknown", () => {
  const forged = sealClientAddress("127.0.0.1", newPeerKey());
  assert.equal(contextFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: forged })).ip, "");
  assert.equal(contextFromHeaders(new Headers({ "x-forwarded-for": "127.0.0.1" })).ip, "");
  assert.equal(contextFromNodeHeaders(undefined).ip, "");
});

test("the user agent is capped at 512 characters and missing means empty", () => {
  assert.equal(contextFromHeaders(new Headers({ "user-agent": "x".repeat(5000) })).userAgent.length, 512);
  assert.equal(contextFromNodeHeaders({ "user-agent": ["A", "B"] }).userAgent, "A,B");
  assert.equal(contextFromHeaders(new Headers()).userAgent, "");
});
