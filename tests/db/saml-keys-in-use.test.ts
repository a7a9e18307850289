import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createVerify, X509Certificate } from "node:crypto";
import type { Server } from "node:http";
import { ACTOR, useTestDatabase } from "./support";
import { CLIENT, outcome, samlLib, setUpSamlDomain, startLogin } from "./saml-fixtures";
import { serveIdp, TestIdp } from "../saml-idp";
import { keyPair } from "../saml-metadata";

useTestDatabase();

// Keys at work (issue 11): an IdP rotating its signing key without an admin, our signed AuthnRequest
// and LogoutRequest, and the HTTP-POST binding's page whose policy allows exactly that one form.

const servers: Server[] = [];
after(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

test("certificate rotation: after the refresh both keys sign in; the old one until an admin removes it", async () => {
  const { consumeSamlResponse, importSamlConfig, updateSamlKey } = await samlLib();
  const { refreshIdpMetadata } = await import("@/lib/saml/refresh-idp-metadata");
  const s = await setUpSamlDomain("rotate.test");
  const rotated = await TestIdp.create(s.idp.entityId, s.idp.baseUrl, { keys: await keyPair(60) });
  let published = s.idp;
  const { server, base } = await serveIdp(async () => ({ body: published.metadata() }));
  servers.push(server);
  await importSamlConfig("rotate.test", { url: `${base}/metadata`, allowUnsecure: true }, ACTOR);

  const signInWith = async (idp: TestIdp) => {
    const { requestId, browserNonce } = await startLogin(s);
    const samlResponse = await idp.response(s.ep, { nameId: "alice@rotate.test", inResponseTo: requestId });
    return outcome(() => consumeSamlResponse({ samlResponse, browserNonce }, CLIENT));
  };
  assert.equal(await signInWith(rotated), "invalid_response", "the new key is unknown before the refresh");
  published = rotated;
  assert.equal((await refreshIdpMetadata("rotate.test")).certificates, 2);
  assert.equal(await signInWith(rotated), "accepted");
  assert.equal(await signInWith(s.idp), "accepted", "the old key keeps working");
  await updateSamlKey("rotate.test", "idp.x509cert", rotated.keys.certificate, ACTOR);
  assert.equal(await signInWith(s.idp), "invalid_response", "removed by an admin");
  assert.equal(await signInWith(rotated), "accepted");
});

/** Checks a redirect-binding signature the way an IdP does: over the query as sent, with our certificate. */
function redirectSignatureValid(url: string, certificate: string): boolean {
  const query = new URL(url).search.slice(1).split("&");
  const part = (k: string) => query.find((p) => p.startsWith(`${k}=`));
  const signed = ["SAMLRequest", "RelayState", "SigAlg"].map(part).filter(Boolean).join("&");
  const signature = decodeURIComponent(part("Signature")!.slice("Signature=".length));
  return createVerify("RSA-SHA256").update(signed).verify(new X509Certificate(certificate).publicKey, signature, "base64");
}

test("AuthnRequest and LogoutRequest are signed with our key when the domain asks; unsigned otherwise", async () => {
  const { startSamlLogin, updateSamlKey, consumeSamlResponse, completeSignIn } = await samlLib();
  const { generateSpCertificate } = await import("@/lib/saml/generate-sp-certificate");
  const { samlLogoutUrl } = await import("@/lib/saml/saml-logout");
  const s = await setUpSamlDomain("signed.test");
  const plain = await startSamlLogin({ domain: "signed.test" });
  assert.ok(plain.binding === "redirect" && !new URL(plain.url).searchParams.has("Signature"));

  const { certificate } = await generateSpCertificate("signed.test", { days: 30 }, ACTOR);
  await updateSamlKey("signed.test", "security.authnrequest_signed", "true", ACTOR);
  await updateSamlKey("signed.test", "security.logoutrequest_signed", "true", ACTOR);
  const signed = await startSamlLogin({ domain: "signed.test" });
  assert.ok(signed.binding === "redirect" && redirectSignatureValid(signed.url, certificate));

  const requestId = await s.idp.requestIdOf(s.ep, signed.url);
  const samlResponse = await s.idp.response(s.ep, { nameId: "alice@signed.test", inResponseTo: requestId });
  const ticket = (await consumeSamlResponse({ samlResponse, browserNonce: signed.browserNonce }, CLIENT)).ticket;
  const done = await completeSignIn(ticket, CLIENT);
  const logout = await samlLogoutUrl(done!.sessionId);
  assert.ok(logout && redirectSignatureValid(logout, certificate), "the LogoutRequest is signed too");
});

test("an IdP that takes HTTP-POST only gets an auto-posted form, and the page may post nowhere else", async () => {
  const { startSamlLogin, updateSamlKey } = await samlLib();
  const { postToIdp } = await import("@/lib/saml/saml-http");
  await setUpSamlDomain("post.test");
  await updateSamlKey("post.test", "idp.single_sign_on_service.binding", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", ACTOR);
  const start = await startSamlLogin({ domain: "post.test" });
  assert.equal(start.binding, "post");
  if (start.binding !== "post") return;
  const page = postToIdp(start.action, start.fields);
  const policy = page.headers.get("content-security-policy") ?? "";
  assert.match(policy, /form-action https:\/\/idp\.post\.test(;|$)/);
  assert.match(policy, /default-src 'none'/);
  const html = await page.text();
  assert.match(html, /<form method="post" action="https:\/\/idp\.post\.test\/sso">/);
  assert.match(html, /name="SAMLRequest" value="[A-Za-z0-9+/=]+"/);
});
