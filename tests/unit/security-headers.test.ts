import { test } from "node:test";
import assert from "node:assert/strict";
import { isSameOrigin } from "@/lib/http/same-origin";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

// Security headers (README "Security model"): a strict nonce-based policy on every page, HSTS on https.
const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

test("the page policy: nonce-based scripts, nothing framed, forms only to this site, no plugins, no base", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123==" }));
  assert.deepEqual(policy.get("script-src"), ["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  assert.deepEqual(policy.get("style-src"), ["'self'", "'nonce-abc123=='"]);
  assert.deepEqual(policy.get("default-src"), ["'self'"]);
  assert.deepEqual(policy.get("frame-ancestors"), ["'none'"]);
  assert.deepEqual(policy.get("form-action"), ["'self'"]);
  assert.deepEqual(policy.get("object-src"), ["'none'"]);
  assert.deepEqual(policy.get("base-uri"), ["'none'"]);
  assert.deepEqual(policy.get("connect-src"), ["'self'"]);
  assert.deepEqual(policy.get("img-src"), ["'self'", "data:", "blob:"]);
  assert.equal(policy.has("upgrade-insecure-requests"), false, "not on http");
  for (const [name, values] of policy) assert.ok(!values.includes("'unsafe-inline'") && !values.includes("'unsafe-eval'"), name);
});

test("the SAML hook adds the IdP's origin to form-action only; https upgrades subresources; dev allows eval", () => {
  const saml = directives(contentSecurityPolicy({ nonce: "n", formActionOrigins: ["https://idp.example.com"] }));
  assert.deepEqual(saml.get("form-action"), ["'self'", "https://idp.example.com"]);
  assert.deepEqual(saml.get("script-src"), ["'self'", "'nonce-n'", "'strict-dynamic'"]);
  assert.deepEqual(directives(contentSecurityPolicy({ nonce: "n", secure: true })).get("upgrade-insecure-requests"), []);
  const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
  assert.ok(dev.get("script-src")!.includes("'unsafe-eval'"));
});

test("HSTS only for an https public URL; nonces are fresh 128-bit values", () => {
  assert.equal(strictTransportSecurity("https://auth.example.com"), "max-age=63072000; includeSubDomains");
  assert.equal(strictTransportSecurity("http://localhost:3000"), null);
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  assert.equal(nonces.size, 100);
  assert.equal(Buffer.from([...nonces][0], "base64").length, 16);
});

test("same origin: PUBLIC_URL's origin or this Host; a missing, null or forged Origin is not", () => {
  const publicUrl = "https://auth.example.com";
  assert.equal(isSameOrigin("https://auth.example.com", "127.0.0.1:3000", publicUrl), true);
  assert.equal(isSameOrigin("http://127.0.0.1:3000", "127.0.0.1:3000", publicUrl), true);
  assert.equal(isSameOrigin(null, "127.0.0.1:3000", publicUrl), false);
  assert.equal(isSameOrigin("null", "127.0.0.1:3000", publicUrl), false);
  assert.equal(isSameOrigin("http://evil.example", "127.0.0.1:3000", publicUrl), false);
  assert.equal(isSameOrigin("http://auth.example.com", "127.0.0.1:3000", publicUrl), false, "scheme counts");
  assert.equal(isSameOrigin("https://auth.example.com.evil.example", null, publicUrl), false);
  assert.equal(isSameOrigin("https://auth.example.com", null, "https://auth.example.com/base"), true, "PUBLIC_URL with a path");
});
