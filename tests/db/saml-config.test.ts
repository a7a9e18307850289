import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACTOR, useTestDatabase } from "./support";
import { bare, idpMetadata, keyPair } from "../saml-metadata";

useTestDatabase();

// A domain's SAML settings as the console and the CLI change them (issue 11): imports from a file
// or the IdP's metadata URL, one key at a time, the SP key pair; what is stored and what is audited.

const servers: Server[] = [];
after(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

/** Serves `body` over plain http on loopback, as a test IdP publishes its metadata. */
async function serve(body: () => string): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/samlmetadata+xml" }).end(body()));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`;
}

async function lib() {
  const { createDomain } = await import("@/lib/domains/create-domain");
  const { importSamlConfig } = await import("@/lib/saml/import-saml-config");
  const { getSamlConfig } = await import("@/lib/saml/get-saml-config");
  const { updateSamlKey, deleteSamlKey } = await import("@/lib/saml/update-saml-key");
  const { generateSpCertificate } = await import("@/lib/saml/generate-sp-certificate");
  const { getDb } = await import("@/lib/db/client");
  return { createDomain, importSamlConfig, getSamlConfig, updateSamlKey, deleteSamlKey, generateSpCertificate, db: getDb() };
}

const auditCount = async (db: Awaited<ReturnType<typeof lib>>["db"], action: string) => db.auditEvent.count({ where: { action } });

test("importing IdP metadata sets the idp.* keys and keeps the rest; export → edit → import keeps the SP key", async () => {
  const { createDomain, importSamlConfig, getSamlConfig, updateSamlKey, generateSpCertificate, db } = await lib();
  await createDomain("sso.test", ACTOR);
  const idp = await keyPair();
  await updateSamlKey("sso.test", "security.authnrequest_signed", "true", ACTOR);
  const generated = await generateSpCertificate("SSO.test", { days: 30, country: "it", organization: "Acme" }, ACTOR);
  assert.match(generated.certificate, /BEGIN CERTIFICATE/);

  const imported = await importSamlConfig(
    "sso.test",
    { file: idpMetadata({ entityId: "https://idp.test/meta", certificates: [idp.certificate], sso: "https://idp.test/sso" }) },
    ACTOR,
  );
  assert.deepEqual({ kind: imported.kind, metadataUrl: imported.metadataUrl }, { kind: "metadata", metadataUrl: null });

  const view = await getSamlConfig("sso.test", {}, ACTOR);
  assert.equal(view.settings["idp.entityid"], "https://idp.test/meta");
  assert.equal(bare(String(view.settings["idp.x509cert"])), bare(idp.certificate));
  assert.equal(view.settings["security.authnrequest_signed"], true, "keys outside idp.* survive a metadata import");
  assert.equal(view.settings["sp.x509cert"], generated.certificate);
  assert.equal(view.settings["sp.privatekey"], undefined, "a plain read never shows the SP private key");
  assert.equal(view.hasPrivateKey, true);
  assert.equal(await auditCount(db, "saml.exportPrivateKey"), 0);

  // The key is sealed at rest, and comes out only through an export, which is audited.
  const row = await db.samlConfig.findFirstOrThrow({ omit: { spPrivateKeyEnc: false } });
  assert.doesNotMatch(row.spPrivateKeyEnc!, /PRIVATE KEY/);
  assert.doesNotMatch(row.settings, /PRIVATE KEY/);
  const exported = await getSamlConfig("sso.test", { withPrivateKey: true }, ACTOR);
  assert.match(String(exported.settings["sp.privatekey"]), /BEGIN PRIVATE KEY/);
  assert.equal(await auditCount(db, "saml.exportPrivateKey"), 1);

  // Round trip without the key: the stored key stays, since it still fits the certificate.
  const edited = { ...view.settings, "organization.name": "Acme S.p.A." };
  await importSamlConfig("sso.test", { file: JSON.stringify(edited) }, ACTOR);
  const after = await getSamlConfig("sso.test", { key: "sp.privatekey" }, ACTOR);
  assert.equal(after.settings["sp.privatekey"], exported.settings["sp.privatekey"]);
  assert.equal((await getSamlConfig("sso.test", { key: "organization.name" }, ACTOR)).settings["organization.name"], "Acme S.p.A.");
  assert.equal(await auditCount(db, "saml.import"), 2);
});

test("a metadata URL is fetched (https unless allowed), remembered, and a bad one writes nothing", async () => {
  const { createDomain, importSamlConfig, getSamlConfig, db } = await lib();
  await createDomain("url.test", ACTOR);
  const idp = await keyPair();
  let entityId = "https://idp.test/first";
  const url = await serve(() => idpMetadata({ entityId, certificates: [idp.certificate], sso: "https://idp.test/sso" }));

  await assert.rejects(importSamlConfig("url.test", { url }, ACTOR), {
    message: "The metadata URL must use https, unless “allow unsecure” is on.",
  });
  await assert.rejects(importSamlConfig("url.test", { url: "http://127.0.0.1:1/none", allowUnsecure: true }, ACTOR), {
    message: "The IdP's metadata could not be downloaded from that URL.",
  });
  assert.equal(await db.samlConfig.count({ where: { domain: { name: "url.test" } } }), 0, "refused imports write nothing");

  const now = new Date("2026-12-04T10:00:00Z");
  const imported = await importSamlConfig("url.test", { url, allowUnsecure: true }, ACTOR, now);
  assert.equal(imported.metadataUrl, url);
  entityId = "https://idp.test/second";
  await importSamlConfig("url.test", { url, allowUnsecure: true }, ACTOR, now);
  const view = await getSamlConfig("url.test", {}, ACTOR);
  assert.equal(view.settings["idp.entityid"], "https://idp.test/second");
  assert.deepEqual([view.metadataUrl, view.lastRefreshAt?.toISOString(), view.lastRefreshError], [url, now.toISOString(), null]);
});

test("one key at a time: a bad value, an unknown key, a mismatched certificate or an unknown domain changes nothing", async () => {
  const { createDomain, updateSamlKey, deleteSamlKey, getSamlConfig, generateSpCertificate, db } = await lib();
  await createDomain("keys.test", ACTOR);
  await updateSamlKey("keys.test", "idp.single_sign_on_service.url", "https://idp.test/sso", ACTOR);
  await generateSpCertificate("keys.test", {}, ACTOR);
  const before = await db.samlConfig.findFirstOrThrow({ where: { domain: { name: "keys.test" } }, omit: { spPrivateKeyEnc: false } });
  const other = await keyPair();

  await assert.rejects(updateSamlKey("keys.test", "idp.single_sign_on_service.url", "ftp://idp.test", ACTOR), { code: "invalid_input" });
  await assert.rejects(updateSamlKey("keys.test", "idp.unknown", "x", ACTOR), { message: "idp.unknown is not a saml.json key." });
  await assert.rejects(deleteSamlKey("keys.test", "idp.unknown", ACTOR), { code: "invalid_input" });
  await assert.rejects(updateSamlKey("keys.test", "sp.x509cert", other.certificate, ACTOR), {
    message: "sp.privatekey does not belong to the certificate in sp.x509cert.",
  });
  await assert.rejects(updateSamlKey("nowhere.test", "debug", "true", ACTOR), { code: "not_found" });
  await assert.rejects(generateSpCertificate("keys.test", { days: 0 }, ACTOR), { code: "invalid_input" });
  await assert.rejects(generateSpCertificate("keys.test", { encryption: "DSA:1024" }, ACTOR), { code: "invalid_input" });
  const unchanged = await db.samlConfig.findFirstOrThrow({ where: { domain: { name: "keys.test" } }, omit: { spPrivateKeyEnc: false } });
  assert.deepEqual([unchanged.settings, unchanged.spPrivateKeyEnc], [before.settings, before.spPrivateKeyEnc]);

  await deleteSamlKey("keys.test", "idp.single_sign_on_service.url", ACTOR);
  assert.equal((await getSamlConfig("keys.test", {}, ACTOR)).settings["idp.single_sign_on_service.url"], "", "back to the default");
  const audits = await db.auditEvent.findMany({
    where: { action: { in: ["saml.updateKey", "saml.deleteKey", "saml.generateCertificate"] }, details: { contains: '"keys.test"' } },
  });
  assert.deepEqual(audits.map((a) => a.action).sort(), ["saml.deleteKey", "saml.generateCertificate", "saml.updateKey"]);
  assert.doesNotMatch(audits.map((a) => a.details).join(""), /BEGIN/, "no certificate or key in the audit trail");
});

test("the SP metadata names our endpoints and certificate, and is signed by our key when sign_metadata is on", async () => {
  const { createDomain, updateSamlKey, generateSpCertificate } = await lib();
  const { serviceProviderMetadata } = await import("@/lib/saml/sp-metadata");
  const { SignedXml } = await import("xml-crypto");
  const { DOMParser } = await import("@xmldom/xmldom");
  await createDomain("meta.test", ACTOR);
  assert.equal(await serviceProviderMetadata("nowhere.test"), null);

  const plain = (await serviceProviderMetadata("meta.test"))!;
  assert.match(plain, /entityID="http:\/\/localhost:\d+\/zx\/auth\/samlMetadata\?domain=meta\.test"/);
  assert.match(
    plain,
    /AssertionConsumerService[^>]+Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]+Location="http:\/\/localhost:\d+\/zx\/auth\/saml"/,
  );
  assert.match(plain, /urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress/);
  assert.doesNotMatch(plain, /<ds:Signature|<Signature/);

  await updateSamlKey("meta.test", "security.sign_metadata", "true", ACTOR);
  await assert.rejects(
    serviceProviderMetadata("meta.test"),
    { code: "conflict" },
    "cannot sign without a key: says so rather than serve unsigned",
  );
  const { certificate } = await generateSpCertificate("meta.test", {}, ACTOR);
  const signed = (await serviceProviderMetadata("meta.test"))!;
  const doc = new DOMParser().parseFromString(signed, "text/xml");
  const signature = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature")[0];
  assert.ok(signature, "signed metadata carries a signature");
  const verifier = new SignedXml({ publicCert: certificate });
  verifier.loadSignature(signature as never);
  assert.equal(verifier.checkSignature(signed), true, "the signature verifies with the SP certificate");
  assert.match(signed, new RegExp(certificate.split("\n")[1].slice(0, 40).replace(/[+/]/g, "\\$&")), "the certificate is published");
});

test("the daily refresh adds an IdP's new certificate beside the old one, drops it once expired, and records failures", async () => {
  const { createDomain, importSamlConfig, getSamlConfig, db } = await lib();
  const { refreshDueMetadata } = await import("@/lib/saml/refresh-idp-metadata");
  const { splitCertificates } = await import("@/lib/saml/saml-keys");
  await createDomain("rotate.test", ACTOR);
  const [first, second] = await Promise.all([keyPair(30), keyPair(365)]);
  let published = [first.certificate];
  let failing = false;
  const url = await serve(() =>
    failing ? "<oops" : idpMetadata({ entityId: "https://idp.test/r", certificates: published, sso: "https://idp.test/sso" }),
  );
  const certificates = async () =>
    splitCertificates(String((await getSamlConfig("rotate.test", {}, ACTOR)).settings["idp.x509cert"])).map(bare);
  const day = 86_400_000;
  const t0 = new Date();
  await importSamlConfig("rotate.test", { url, allowUnsecure: true }, ACTOR, t0);

  const mine = <T extends { domain: string }>(results: T[]) => results.filter((r) => r.domain === "rotate.test");
  assert.deepEqual(mine(await refreshDueMetadata(new Date(t0.getTime() + day / 2))), [], "not due within a day");

  published = [second.certificate]; // the IdP rotates its key
  assert.deepEqual(mine(await refreshDueMetadata(new Date(t0.getTime() + day + 1))), [
    { domain: "rotate.test", ok: true, certificates: 2 },
  ]);
  assert.deepEqual(await certificates(), [bare(second.certificate), bare(first.certificate)], "old certificate still accepted");

  await refreshDueMetadata(new Date(t0.getTime() + 31 * day));
  assert.deepEqual(await certificates(), [bare(second.certificate)], "the old one is dropped once it has expired");

  failing = true;
  const failed = mine(await refreshDueMetadata(new Date(t0.getTime() + 33 * day)));
  assert.equal(failed[0]?.ok, false);
  assert.deepEqual(await certificates(), [bare(second.certificate)], "a failed refresh keeps what we had");
  const view = await getSamlConfig("rotate.test", {}, ACTOR);
  assert.match(view.lastRefreshError ?? "", /not IdP metadata/);
  assert.equal(
    await db.auditEvent.count({ where: { action: "saml.refreshMetadata", result: "failure", details: { contains: "rotate.test" } } }),
    1,
  );
});
