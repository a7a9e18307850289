import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSettings } from "@/lib/config/settings";

test("defaults follow DESIGN.md", () => {
  const s = parseSettings({});
  assert.equal(s.port, 3000);
  assert.equal(s.gatePort, 7072);
  assert.equal(s.databaseKind, "sqlite");
  assert.equal(s.publicUrl, "http://localhost:3000");
  assert.equal(s.secureCookies, false);
  assert.equal(s.defaultLocale, "en");
});

test("an invalid value names the variable", () => {
  assert.throws(() => parseSettings({ PORT: "70000" }), /invalid setting PORT/);
  assert.throws(() => parseSettings({ DATABASE_URL: "mysql://x" }), /invalid setting DATABASE_URL/);
  assert.throws(() => parseSettings({ AUTH_SECRET: "short" }), /invalid setting AUTH_SECRET/);
  assert.throws(() => parseSettings({ DEFAULT_LOCALE: "fr" }), /invalid setting DEFAULT_LOCALE: must be one of en, it, de/);
  assert.equal(parseSettings({ DEFAULT_LOCALE: "de" }).defaultLocale, "de");
});

test("https PUBLIC_URL turns on secure cookies", () => {
  const s = parseSettings({ PUBLIC_URL: "https://auth.example.com/", DATABASE_URL: "postgresql://u@h/db" });
  assert.equal(s.publicUrl, "https://auth.example.com");
  assert.equal(s.secureCookies, true);
  assert.equal(s.databaseKind, "postgresql");
});
