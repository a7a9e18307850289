import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { sameEndpoint } from "@/lib/saml/check-saml-response";
import { domainOfAddress, domainsOfHost } from "@/lib/saml/saml-sign-in-option";

// The SAML libraries must carry the fixes the security checklist names, and the small rules the
// sign-in relies on: which endpoint is ours, which domain a host or an address names (issue 11).

function installedVersion(name: string): number[] {
  const require = createRequire(import.meta.url);
  // The package's own manifest, found from its entry point (exports may hide package.json).
  let dir = path.dirname(require.resolve(name));
  const manifest = (d: string) =>
    existsSync(path.join(d, "package.json"))
      ? (JSON.parse(readFileSync(path.join(d, "package.json"), "utf8")) as { name?: string; version: string })
      : null;
  for (let i = 0; i < 6 && manifest(dir)?.name !== name; i++) dir = path.dirname(dir);
  const version = manifest(dir)!.version;
  return version.split(/[.-]/).slice(0, 3).map(Number);
}
const atLeast = (v: number[], min: number[]) => (v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2]);

test("installed: @node-saml/node-saml ≥ 5.1.0 (CVE-2025-54419, -54369) and xml-crypto ≥ 6.0.1 (CVE-2025-29774, -29775)", () => {
  const nodeSaml = installedVersion("@node-saml/node-saml");
  const xmlCrypto = installedVersion("xml-crypto");
  assert.ok(atLeast(nodeSaml, [5, 1, 0]), `node-saml ${nodeSaml.join(".")}`);
  assert.ok(atLeast(xmlCrypto, [6, 0, 1]), `xml-crypto ${xmlCrypto.join(".")}`);
});

test("our ACS is the same endpoint with a trailing slash or Azure's ?domain=, never another host, port or path", () => {
  const acs = "https://mail.example.com/zx/auth/saml";
  assert.ok(sameEndpoint("https://mail.example.com/zx/auth/saml/?domain=example.com", acs));
  for (const other of [
    "https://evil.example/zx/auth/saml",
    "https://mail.example.com:8443/zx/auth/saml",
    "http://mail.example.com/zx/auth/saml",
    "https://mail.example.com/zx/auth/saml2",
    "not a url",
  ]) {
    assert.equal(sameEndpoint(other, acs), false, other);
  }
});

test("a host names its own domain and the parents (nearest first); an address names its domain", () => {
  assert.deepEqual(domainsOfHost("mail.example.com:443"), ["mail.example.com", "example.com"]);
  assert.deepEqual(domainsOfHost("127.0.0.1:3000"), []);
  assert.deepEqual(domainsOfHost("localhost"), []);
  assert.equal(domainOfAddress("Alice@Example.COM"), "example.com");
  assert.equal(domainOfAddress("no-at-sign"), null);
  assert.equal(domainOfAddress("a@nodot"), null);
});
