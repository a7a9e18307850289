import { test } from "node:test";
import assert from "node:assert/strict";
import { parseAuthHttpRequest, decodeEscaped } from "@/lib/gate/parse-auth-http-request";
import { parseBasicAuthorization } from "@/lib/gate/decide-http-login";
import { answerOk, answerRefused, answerTemporaryFailure } from "@/lib/gate/answer-auth-http";
import { backendFor, parseGateBackends } from "@/lib/gate/gate-backends";

// nginx auth_http input as headersDistinct gives it (lower-case names, every value in an array).
const good = (over: Record<string, string[] | undefined> = {}) => ({
  "auth-method": ["plain"],
  "auth-user": ["alice%40example.test"],
  "auth-pass": ["p%25ss%20word%C3%A9"],
  "auth-protocol": ["imap"],
  "auth-login-attempt": ["2"],
  "client-ip": ["::ffff:192.0.2.7"],
  ...over,
});

test("a well-formed auth_http request is decoded: %-escapes, UTF-8, IPv4-mapped client address", () => {
  assert.deepEqual(parseAuthHttpRequest(good()), {
    ok: true,
    login: { user: "alice@example.test", secret: "p%ss wordé", protocol: "imap", attempt: 2, ip: "192.0.2.7" },
  });
  const smtp = parseAuthHttpRequest(good({ "auth-protocol": ["SMTP"], "auth-method": ["LOGIN"], "auth-login-attempt": undefined }));
  assert.equal(smtp.ok && smtp.login.protocol, "smtp");
  assert.equal(smtp.ok && smtp.login.attempt, 1);
});

test("bad input is refused with a reason, keeping what the answer needs (protocol, attempt)", () => {
  const cases: [Record<string, string[] | undefined>, string][] = [
    [{ "auth-protocol": ["nntp"] }, "unknown_protocol"],
    [{ "auth-protocol": undefined }, "unknown_protocol"],
    [{ "auth-protocol": ["imap", "smtp"] }, "unknown_protocol"],
    [{ "auth-login-attempt": ["0"] }, "bad_attempt"],
    [{ "auth-login-attempt": ["x"] }, "bad_attempt"],
    [{ "auth-method": ["cram-md5"] }, "unsupported_method"],
    [{ "auth-method": ["none"] }, "unsupported_method"],
    [{ "auth-user": undefined }, "missing_credentials"],
    [{ "auth-user": ["a@b.c", "d@e.f"] }, "missing_credentials"],
    [{ "auth-pass": ["x", "y"] }, "missing_credentials"],
    [{ "auth-user": ["%E0%A4%A"] }, "bad_credentials_encoding"],
    [{ "auth-pass": ["%C3%28"] }, "bad_credentials_encoding"], // not UTF-8
    [{ "auth-pass": ["caf\u00e9"] }, "bad_credentials_encoding"], // raw byte where nginx would escape
    [{ "auth-user": [`${"a".repeat(250)}%40b.cd`] }, "bad_credentials_encoding"],
    [{ "auth-pass": ["x".repeat(257)] }, "bad_credentials_encoding"],
    [{ "auth-pass": [""] }, "bad_credentials_encoding"],
    [{ "auth-pass": ["a%00b"] }, "bad_credentials_encoding"],
    [{ "auth-user": ["alice%20smith%40example.test"] }, "bad_credentials_encoding"],
    [{ "client-ip": ["not-an-ip"] }, "bad_client_ip"],
    [{ "client-ip": undefined }, "bad_client_ip"],
    [{ "client-ip": ["192.0.2.1", "192.0.2.2"] }, "bad_client_ip"],
  ];
  for (const [over, reason] of cases) {
    const parsed = parseAuthHttpRequest(good(over));
    assert.equal(parsed.ok, false, JSON.stringify(over));
    assert.equal(!parsed.ok && parsed.reason, reason, JSON.stringify(over));
  }
  const smtp = parseAuthHttpRequest(good({ "auth-protocol": ["smtp"], "client-ip": ["nope"], "auth-login-attempt": ["4"] }));
  assert.deepEqual(smtp, { ok: false, reason: "bad_client_ip", protocol: "smtp", attempt: 4 });
  assert.equal(decodeEscaped("a".repeat(256), 256), "a".repeat(256));
});

test("answers: OK names the backend and canonical user; refusals wait longer each attempt and not at all from the 10th", () => {
  assert.deepEqual(answerOk("alice@example.test", { host: "10.0.0.5", port: 143 }), {
    "Auth-Status": "OK",
    "Auth-Server": "10.0.0.5",
    "Auth-Port": "143",
    "Auth-User": "alice@example.test",
  });
  const waits = [1, 2, 3, 4, 5, 6, 9, 10, 11].map((n) => answerRefused("imap", n)["Auth-Wait"]);
  assert.deepEqual(waits, ["1", "2", "4", "8", "16", "16", "16", undefined, undefined]);
  assert.equal(answerRefused("imap", 1, 30)["Auth-Wait"], "30", "the throttle's wait when longer");
  assert.equal(answerRefused("imap", 1)["Auth-Error-Code"], undefined);
  assert.equal(answerRefused("smtp", 1)["Auth-Error-Code"], "535 5.7.8 Authentication credentials invalid");
  assert.equal(answerTemporaryFailure("smtp")["Auth-Error-Code"], "451 4.3.0 Temporary authentication failure");
  assert.notEqual(answerTemporaryFailure("imap")["Auth-Status"], "OK");
  assert.equal(answerTemporaryFailure("pop3")["Auth-Wait"], "3");
});

test("Basic credentials: UTF-8 user and password split at the first colon; anything else is null", () => {
  const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
  assert.deepEqual(parseBasicAuthorization(`Basic ${b64("jörg@example.test:pa:ss wörd")}`), {
    user: "jörg@example.test",
    secret: "pa:ss wörd",
  });
  assert.deepEqual(parseBasicAuthorization(`basic ${b64("a@b.c:x")}`), { user: "a@b.c", secret: "x" });
  for (const bad of [
    null,
    "",
    "Bearer abc",
    `Basic ${b64("no-colon")}`,
    `Basic ${b64(":nouser")}`,
    `Basic ${b64("a@b.c:")}`,
    `Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString("base64")}`,
    `Basic ${b64("a@b.c:" + "x".repeat(300))}`,
    `Basic ${b64("a b@c.d:x")}`,
    "Basic !!!",
  ]) {
    assert.equal(parseBasicAuthorization(bad), null, String(bad));
  }
});

test("backends per protocol and per domain; nginx needs IP addresses, so names are refused", () => {
  const b = parseGateBackends({ GATE_IMAP_BACKEND: "10.0.0.5:143, example.org=[2001:db8::5]:1143", GATE_SMTP_BACKEND: "127.0.0.1:587" });
  assert.deepEqual(backendFor(b, "imap", "a@example.test"), { host: "10.0.0.5", port: 143 });
  assert.deepEqual(backendFor(b, "imap", "a@example.org"), { host: "2001:db8::5", port: 1143 });
  assert.deepEqual(backendFor(b, "smtp", "a@example.org"), { host: "127.0.0.1", port: 587 });
  assert.equal(backendFor(b, "pop3", "a@example.org"), null);
  for (const bad of ["mail.example.org:143", "10.0.0.5", "10.0.0.5:0", "10.0.0.5:70000", "1.2.3.4:1,5.6.7.8:2", "bad_domain=1.2.3.4:1"]) {
    assert.throws(() => parseGateBackends({ GATE_POP3_BACKEND: bad }), /^Error: invalid setting GATE_POP3_BACKEND: /, bad);
  }
});
