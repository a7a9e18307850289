import { test } from "node:test";
import assert from "node:assert/strict";
import { checkSpPrivateKey } from "@/lib/saml/sp-key-pair";
import { parseIdpMetadata } from "@/lib/saml/parse-idp-metadata";
import { readSamlFile } from "@/lib/saml/read-saml-file";
import { HTTP_POST, HTTP_REDIRECT, normaliseSamlValue, splitCertificates, withDefaults } from "@/lib/saml/saml-keys";
import { bare, idpMetadata, keyPair as pair } from "../saml-metadata";

// The saml.json key set and the files an admin imports: what is accepted, what is refused and why.

test("values are checked by kind: booleans, URLs, bindings, algorithms; unknown keys are refused by name", () => {
  assert.equal(normaliseSamlValue("security.authnrequest_signed", "TRUE"), true);
  assert.equal(normaliseSamlValue("debug", false), false);
  assert.throws(() => normaliseSamlValue("debug", "maybe"), { message: "debug must be true or false." });
  assert.equal(normaliseSamlValue("idp.single_sign_on_service.url", " https://idp.test/sso "), "https://idp.test/sso");
  assert.throws(() => normaliseSamlValue("idp.single_sign_on_service.url", "javascript:alert(1)"), { code: "invalid_input" });
  assert.throws(() => normaliseSamlValue("sp.assertion_consumer_service.binding", "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"), {
    message: "sp.assertion_consumer_service.binding must be the HTTP-POST or the HTTP-Redirect binding.",
  });
  assert.throws(() => normaliseSamlValue("security.signature_algorithm", "md5"), { code: "invalid_input" });
  assert.throws(() => normaliseSamlValue("sp.entity_id", "x"), { message: "sp.entity_id is not a saml.json key." });
  assert.throws(() => normaliseSamlValue("organization.name", "x".repeat(1025)), { message: "organization.name is too long." });
  assert.throws(() => normaliseSamlValue("idp.x509cert", "not a certificate"), {
    message: "idp.x509cert is not a valid X.509 certificate.",
  });
});

test("defaults follow Carbonio: the SP's endpoints under PUBLIC_URL, everything off but XML validation", () => {
  const all = withDefaults({ "security.sign_metadata": true }, { publicUrl: "https://mail.example.com", domain: "example.com" });
  assert.equal(all["sp.entityid"], "https://mail.example.com/zx/auth/samlMetadata?domain=example.com");
  assert.equal(all["sp.assertion_consumer_service.url"], "https://mail.example.com/zx/auth/saml");
  assert.equal(all["sp.assertion_consumer_service.binding"], HTTP_POST);
  assert.equal(all["sp.single_logout_service.url"], "https://mail.example.com/zx/auth/logout");
  assert.equal(all["sp.nameidformat"], "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
  assert.equal(all["security.want_xml_validation"], true);
  assert.equal(all["security.authnrequest_signed"], false);
  assert.equal(all["security.sign_metadata"], true, "a set value wins over the default");
  assert.equal(all["gatehouse.allow_idp_initiated"], false);
});

test("IdP metadata gives the idp.* keys: every signing certificate, the redirect SSO endpoint, single logout", async () => {
  const [a, b] = await Promise.all([pair(), pair()]);
  const settings = parseIdpMetadata(
    idpMetadata({
      entityId: "https://idp.test/meta",
      certificates: [a.certificate, b.certificate],
      sso: "https://idp.test/sso",
      slo: "https://idp.test/slo",
    }),
  );
  assert.equal(settings["idp.entityid"], "https://idp.test/meta");
  assert.equal(settings["idp.single_sign_on_service.url"], "https://idp.test/sso");
  assert.equal(settings["idp.single_sign_on_service.binding"], HTTP_REDIRECT);
  assert.equal(settings["idp.single_logout_service.url"], "https://idp.test/slo");
  assert.deepEqual(splitCertificates(String(settings["idp.x509cert"])).map(bare), [bare(a.certificate), bare(b.certificate)]);
});

test("metadata with a DOCTYPE, without a signing certificate, or not XML at all is refused", async () => {
  const { certificate } = await pair();
  const good = idpMetadata({ entityId: "https://idp.test/meta", certificates: [certificate], sso: "https://idp.test/sso" });
  const refused = { message: /not IdP metadata Gatehouse can use/ };
  assert.throws(
    () => parseIdpMetadata(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${good.replace('<?xml version="1.0"?>', "")}`),
    refused,
  );
  assert.throws(
    () => parseIdpMetadata(idpMetadata({ entityId: "https://idp.test/meta", certificates: [], sso: "https://idp.test/sso" })),
    refused,
  );
  assert.throws(() => parseIdpMetadata("<md:EntityDescriptor"), refused);
  assert.throws(() => readSamlFile("{ not json"), { message: "The file is neither a saml.json nor IdP metadata XML." });
});

test("a saml.json may be flat or nested; its private key must belong to its certificate", async () => {
  const [sp, other] = await Promise.all([pair(), pair()]);
  const flat = readSamlFile(
    JSON.stringify({
      "idp.entityid": "https://idp.test",
      "security.authnrequest_signed": "true",
      "sp.x509cert": sp.certificate,
      "sp.privatekey": sp.privateKey,
    }),
  );
  assert.equal(flat.kind, "saml.json");
  assert.equal(flat.settings["security.authnrequest_signed"], true);
  assert.equal(flat.settings["sp.privatekey" as never], undefined, "the private key travels apart from the settings");
  assert.match(flat.privateKey!, /BEGIN PRIVATE KEY/);

  const nested = readSamlFile(
    JSON.stringify({ idp: { entityid: "https://idp.test", single_logout_service: { response: { url: "https://idp.test/r" } } } }),
  );
  assert.equal(nested.settings["idp.single_logout_service.response.url"], "https://idp.test/r");

  assert.throws(() => readSamlFile(JSON.stringify({ "sp.x509cert": sp.certificate, "sp.privatekey": other.privateKey })), {
    message: "sp.privatekey does not belong to the certificate in sp.x509cert.",
  });
  assert.throws(() => readSamlFile(JSON.stringify({ sp: { entityid: "https://a.test" }, "sp.entityid": "https://b.test" })), {
    code: "invalid_input",
  });
  assert.throws(() => checkSpPrivateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", ""), {
    message: "sp.privatekey is not an RSA private key in PEM form.",
  });
});
