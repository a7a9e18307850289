import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSettings, parseSmtpUrl } from "@/lib/config/settings";

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

test("outgoing mail: SMTP_URL and MAIL_FROM together, validated", () => {
  assert.equal(parseSettings({}).mail, undefined);
  const s = parseSettings({ SMTP_URL: "smtps://relay%40corp:p%3Ass@mail.example.com:465", MAIL_FROM: '"Example IT" <it@example.com>' });
  assert.deepEqual(s.mail?.from, { name: "Example IT", address: "it@example.com" });
  assert.deepEqual(parseSmtpUrl(s.mail!.smtpUrl), {
    host: "mail.example.com",
    port: 465,
    secure: true,
    user: "relay@corp",
    password: "p:ss",
  });
  assert.deepEqual(parseSmtpUrl("smtp://127.0.0.1"), { host: "127.0.0.1", port: 587, secure: false, user: undefined, password: undefined });
  assert.deepEqual(parseSettings({ SMTP_URL: "smtp://mx:25", MAIL_FROM: "it@example.com" }).mail?.from, {
    name: "",
    address: "it@example.com",
  });

  assert.throws(() => parseSettings({ SMTP_URL: "smtp://mx:25" }), /^Error: invalid setting MAIL_FROM: must be set together with SMTP_URL/);
  assert.throws(() => parseSettings({ MAIL_FROM: "it@example.com" }), /invalid setting SMTP_URL: must be set together with MAIL_FROM/);
  for (const bad of [
    "http://mx",
    "smtp://",
    "smtp://mx:0",
    "smtp://mx/path",
    "smtp://mx?tls=0",
    "mx.example.com:25",
    "smtp://" + "a".repeat(2100),
  ]) {
    assert.throws(() => parseSettings({ SMTP_URL: bad, MAIL_FROM: "it@example.com" }), /invalid setting SMTP_URL: /, bad);
  }
  for (const bad of [
    "it",
    "IT <it>",
    "it@example.com\r\nBcc: x@evil.test",
    "a <b> <c@example.com>",
    `${"x".repeat(101)} <it@example.com>`,
  ]) {
    assert.throws(() => parseSettings({ SMTP_URL: "smtp://mx", MAIL_FROM: bad }), /invalid setting MAIL_FROM: /, bad);
  }
});

test("the SMTP password never appears in a settings error", () => {
  assert.throws(
    () => parseSettings({ SMTP_URL: "smtp://user:hunter2@mx/oops", MAIL_FROM: "it@example.com" }),
    (e: Error) => /invalid setting SMTP_URL/.test(e.message) && !e.message.includes("hunter2"),
  );
});

test("passkeys' relying party is PUBLIC_URL's host, or a parent domain of it named by WEBAUTHN_RP_ID", () => {
  assert.deepEqual(parseSettings({ PUBLIC_URL: "https://auth.example.com:8443/" }).webauthn, {
    rpId: "auth.example.com",
    origin: "https://auth.example.com:8443",
  });
  assert.equal(parseSettings({ PUBLIC_URL: "https://auth.example.com", WEBAUTHN_RP_ID: "example.com" }).webauthn.rpId, "example.com");
  for (const bad of ["evil.test", "xample.com", "Example.com", "example.com.", "https://example.com"]) {
    assert.throws(
      () => parseSettings({ PUBLIC_URL: "https://auth.example.com", WEBAUTHN_RP_ID: bad }),
      /invalid setting WEBAUTHN_RP_ID: /,
      bad,
    );
  }
});
