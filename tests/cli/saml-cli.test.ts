import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshDataDir, gatehouse } from "./support";
import { idpMetadata, keyPair } from "../saml-metadata";

// `gatehouse auth saml …` as an operator types it: Carbonio's words, --json, and bad input that
// stops with one line and exit code 2 before anything is written.

const dataDir = freshDataDir();
const run = (args: string[]) => gatehouse(args, { dataDir, env: { PUBLIC_URL: "https://mail.sso.test" } });
const file = (name: string, body: string) => {
  const p = path.join(dataDir, name);
  writeFileSync(p, body);
  return p;
};

test("generate, import metadata, get, export → edit → import, update and delete, with --json", async () => {
  assert.equal(run(["domain", "create", "sso.test"]).code, 0);
  const generated = run([
    "auth",
    "saml",
    "generate",
    "sso.test",
    "days",
    "90",
    "country",
    "IT",
    "organization",
    "Acme",
    "digest",
    "SHA512",
    "--json",
  ]);
  assert.equal(generated.code, 0, generated.stderr);
  assert.match(JSON.parse(generated.stdout).certificate, /BEGIN CERTIFICATE/);

  const idp = await keyPair();
  const metadata = file(
    "idp.xml",
    idpMetadata({ entityId: "https://idp.test/meta", certificates: [idp.certificate], sso: "https://idp.test/sso" }),
  );
  const validated = run(["auth", "saml", "validate", metadata, "--json"]);
  assert.deepEqual(JSON.parse(validated.stdout), { file: metadata, kind: "metadata", valid: true, keys: 7 });
  const imported = run(["auth", "saml", "import", "sso.test", "file", metadata]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /imported metadata into sso.test/);

  const shown = JSON.parse(run(["auth", "saml", "get", "sso.test"]).stdout);
  assert.equal(shown["sp.entityid"], "https://mail.sso.test/zx/auth/samlMetadata?domain=sso.test");
  assert.equal(shown["idp.entityid"], "https://idp.test/meta");
  assert.equal(shown["sp.privatekey"], undefined);
  assert.deepEqual(JSON.parse(run(["auth", "saml", "get", "sso.test", "key", "idp.entityid", "--json"]).stdout).settings, {
    "idp.entityid": "https://idp.test/meta",
  });

  const exportPath = path.join(dataDir, "saml.json");
  const exported = run(["auth", "saml", "get", "sso.test", "export_to", exportPath]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.equal(statSync(exportPath).mode & 0o777, 0o600, "the export holds the private key: owner only");
  const document = JSON.parse(readFileSync(exportPath, "utf8"));
  assert.match(document["sp.privatekey"], /BEGIN PRIVATE KEY/);
  assert.equal(run(["auth", "saml", "get", "sso.test", "export_to", exportPath]).code, 2, "an export never overwrites a file");

  document["organization.displayname"] = "Acme Mail";
  writeFileSync(exportPath, JSON.stringify(document));
  assert.equal(run(["auth", "saml", "import", "sso.test", "file", exportPath]).code, 0);
  assert.equal(JSON.parse(run(["auth", "saml", "get", "sso.test"]).stdout)["organization.displayname"], "Acme Mail");

  assert.equal(run(["auth", "saml", "update", "sso.test", "gatehouse.allow_idp_initiated", "true"]).code, 0);
  assert.equal(JSON.parse(run(["auth", "saml", "get", "sso.test"]).stdout)["gatehouse.allow_idp_initiated"], true);
  assert.equal(run(["auth", "saml", "delete", "sso.test", "gatehouse.allow_idp_initiated"]).code, 0);
  assert.equal(JSON.parse(run(["auth", "saml", "get", "sso.test"]).stdout)["gatehouse.allow_idp_initiated"], false);
});

test("bad input: one line on stderr, exit code 2, nothing written", () => {
  const before = run(["auth", "saml", "get", "sso.test"]).stdout;
  const refused = (args: string[], message: RegExp) => {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr.split("\n")[0], message);
  };
  refused(["auth", "saml", "import", "sso.test"], /give either file PATH or url URL/);
  refused(["auth", "saml", "import", "sso.test", "file", "/nonexistent/saml.json"], /cannot read/);
  refused(["auth", "saml", "import", "sso.test", "file", file("bad.json", '{"sp.entity": "x"}')], /sp.entity is not a saml.json key/);
  refused(["auth", "saml", "import", "sso.test", "url", "http://127.0.0.1:1/metadata"], /must use https/);
  refused(["auth", "saml", "import", "nowhere.test", "file", file("ok.json", "{}")], /nowhere.test does not exist/);
  refused(["auth", "saml", "update", "sso.test", "security.sign_metadata", "perhaps"], /must be true or false/);
  refused(["auth", "saml", "delete", "sso.test", "no.such.key"], /not a saml.json key/);
  refused(["auth", "saml", "validate", file("junk.xml", "<x>")], /not IdP metadata/);
  refused(["auth", "saml", "generate", "sso.test", "encryption", "RSA:1024"], /RSA:2048 or RSA:4096/);
  refused(["auth", "saml", "generate", "sso.test", "days", "0"], /1 to 3650 days/);
  assert.equal(run(["auth", "saml", "get", "sso.test"]).stdout, before, "the refused commands changed nothing");
});
