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

test("domain update sets how long the domain's auth links last; the domain view shows it, with --json", () => {
  assert.equal(run(["domain", "create", "links.test"]).code, 0);
  const hoursOf = () =>
    (JSON.parse(run(["domain", "list", "--json"]).stdout) as { name: string; authLinkHours: number }[]).find((d) => d.name === "links.test")
      ?.authLinkHours;
  assert.equal(hoursOf(), 12, "new domains start at 12 hours");
  assert.match(run(["domain", "list"]).stdout, /authLinkHours/);

  const set = run(["domain", "update", "links.test", "authLinkHours", "48"]);
  assert.equal(set.code, 0, set.stderr);
  assert.equal(set.stdout.trim(), "domain links.test: auth links last 48 hour(s)");
  assert.equal(hoursOf(), 48);

  const json = run(["domain", "update", "links.test", "--authLinkHours", "168", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).authLinkHours, 168);
  assert.equal(JSON.parse(json.stdout).name, "links.test");
  assert.equal(hoursOf(), 168);

  const both = run(["domain", "update", "links.test", "defaultLocale", "it", "authLinkHours", "1", "--json"]);
  assert.equal(both.code, 0, both.stderr);
  assert.deepEqual([JSON.parse(both.stdout).defaultLocale, JSON.parse(both.stdout).authLinkHours], ["it", 1]);
});

test("domain update refuses an auth link lifetime outside 1..168 or not a number: one line, exit 2, nothing written", () => {
  assert.equal(run(["domain", "update", "links.test", "authLinkHours", "24"]).code, 0);
  for (const bad of ["0", "169", "abc", "1.5", "-3"]) {
    const r = run(["domain", "update", "links.test", "authLinkHours", bad, "defaultLocale", "de"]);
    assert.equal(r.code, 2, `${bad}: ${r.stderr}`);
    assert.equal(r.stdout, "", bad);
    assert.match(r.stderr.split("\n")[0], /^gatehouse: authLinkHours must be a whole number/, bad);
  }
  const [domain] = (
    JSON.parse(run(["domain", "list", "--json"]).stdout) as { name: string; authLinkHours: number; defaultLocale: string | null }[]
  ).filter((d) => d.name === "links.test");
  assert.deepEqual([domain.authLinkHours, domain.defaultLocale], [24, "it"], "neither value was written");
});
