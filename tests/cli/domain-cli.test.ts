import { test } from "node:test";
import assert from "node:assert/strict";
import { freshDataDir, gatehouse } from "./support";

const dataDir = freshDataDir();
const run = (args: string[]) => gatehouse(args, { dataDir });

test("domain update sets and removes a domain's default language, with --json", () => {
  assert.equal(run(["domain", "create", "lang.test"]).code, 0);

  const set = run(["domain", "update", "lang.test", "defaultLocale", "it"]);
  assert.equal(set.code, 0, set.stderr);
  assert.equal(set.stdout.trim(), "domain lang.test: default language it");

  const json = run(["domain", "update", "LANG.test", "--defaultLocale", "DE", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).defaultLocale, "de");
  assert.equal(JSON.parse(run(["domain", "list", "--json"]).stdout)[0].defaultLocale, "de");

  const none = run(["domain", "update", "lang.test", "defaultLocale", "none", "--json"]);
  assert.equal(JSON.parse(none.stdout).defaultLocale, null);
  assert.equal(JSON.parse(run(["domain", "list", "--json"]).stdout)[0].defaultLocale, null);
});

test("domain update refuses an unknown language (usage, exit 2) and an unknown domain (exit 1), in English", () => {
  const french = run(["domain", "update", "lang.test", "defaultLocale", "fr"]);
  assert.equal(french.code, 2);
  assert.match(french.stderr, /defaultLocale must be en, it, de or none/);
  assert.equal(run(["domain", "update", "lang.test"]).code, 2, "nothing to change");

  const missing = run(["domain", "update", "nowhere.test", "defaultLocale", "it", "--json"]);
  assert.equal(missing.code, 1);
  assert.deepEqual(JSON.parse(missing.stdout), { error: { code: "not_found", message: "The domain nowhere.test does not exist." } });
});
