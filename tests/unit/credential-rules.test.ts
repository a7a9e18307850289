import { test } from "node:test";
import { translateText, translateToEnglish } from "@/lib/i18n/translate-message";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors";
import { credentialKindFor, opensWebSessionWithoutOtp } from "@/lib/credentials/service-rules";
import {
  checkCredentialExpiry,
  chosenPasswordProblem,
  credentialAdmits,
  credentialStatus,
  MAX_CREDENTIAL_LABEL,
  parseAllowedIpRanges,
  parseCredentialLabel,
  parseCredentialServices,
  parseExpiryInput,
  SELF_SERVICE_SERVICES,
  storedServices,
} from "@/lib/credentials/credential-rules";
import { generateCredentialSecret } from "@/lib/credentials/credential-secret";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

function fieldOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`);
    assert.equal(e.code, "invalid_input");
    return Object.keys(e.fieldErrors ?? {});
  }
  assert.fail("expected a refusal");
}

/** The refusal in English (chosenPasswordProblem returns a message key). */
const chosenProblem = (password: string, email: string) => {
  const key = chosenPasswordProblem(password, email);
  return key && translateText(key, translateToEnglish);
};

test("labels are trimmed, required, at most 64 characters, no control characters", () => {
  assert.equal(parseCredentialLabel("  Work phone  "), "Work phone");
  assert.equal(parseCredentialLabel("é".repeat(MAX_CREDENTIAL_LABEL)).length, 64, "64 accented characters are fine");
  assert.deepEqual(
    fieldOf(() => parseCredentialLabel("   ")),
    ["label"],
  );
  assert.deepEqual(
    fieldOf(() => parseCredentialLabel("x".repeat(65))),
    ["label"],
  );
  assert.throws(() => parseCredentialLabel("x".repeat(65)), /at most 64/);
  assert.throws(() => parseCredentialLabel("evil\nlabel"), /control characters/);
});

test("services: canonical names, unknown ones listed, empty refused, self-service narrows", () => {
  assert.deepEqual(parseCredentialServices("smtp, imap,IMAP"), ["IMAP", "SMTP"]);
  assert.throws(
    () => parseCredentialServices("imap,carrier-pigeon"),
    /Unknown service "carrier-pigeon"\. Valid services: WebUI, WebAdminUI, EAS, MobileApp, DesktopApp, DAV, IMAP, POP3, SMTP, CLI\./,
  );
  assert.throws(() => parseCredentialServices([]), /at least one service/);
  assert.throws(() => parseCredentialServices(" , "), /at least one service/);
  assert.throws(() => parseCredentialServices("webadminui", SELF_SERVICE_SERVICES), /cannot create a credential for WebAdminUI/);
  assert.deepEqual(parseCredentialServices("webui,eas", SELF_SERVICE_SERVICES), ["WebUI", "EAS"]);
  assert.ok(!SELF_SERVICE_SERVICES.includes("CLI"));
  assert.equal(opensWebSessionWithoutOtp(["IMAP", "WebUI"]), true);
  assert.equal(opensWebSessionWithoutOtp(["IMAP", "SMTP"]), false);
  assert.equal(opensWebSessionWithoutOtp(["WebAdminUI"]), true);
  assert.deepEqual(storedServices("SMTP,bogus,imap"), ["IMAP", "SMTP"], "stored lists are re-read strictly");
});

test("expiry: none, future within ten years; past, now and absurd dates refused", () => {
  assert.equal(checkCredentialExpiry(null, NOW), null);
  assert.equal(checkCredentialExpiry(undefined, NOW), null);
  const tomorrow = new Date(NOW.getTime() + DAY);
  assert.equal(checkCredentialExpiry(tomorrow, NOW), tomorrow);
  assert.deepEqual(
    fieldOf(() => checkCredentialExpiry(new Date(NOW.getTime() - 1), NOW)),
    ["expiresAt"],
  );
  assert.throws(() => checkCredentialExpiry(NOW, NOW), /in the future/);
  assert.throws(() => checkCredentialExpiry(new Date(NOW.getTime() + 11 * 366 * DAY), NOW), /within ten years/);
  assert.throws(() => checkCredentialExpiry(new Date(NaN), NOW), /valid expiry/);
});

test("expiry as typed: a date is valid through that day, Nd is days from now, junk is refused", () => {
  assert.equal(parseExpiryInput("", NOW), null);
  assert.equal(parseExpiryInput("never", NOW), null);
  assert.equal(parseExpiryInput("2026-06-15", NOW)?.toISOString(), "2026-06-16T00:00:00.000Z", "today still works until midnight UTC");
  assert.equal(parseExpiryInput("30d", NOW)?.getTime(), NOW.getTime() + 30 * DAY);
  assert.equal(parseExpiryInput("2026-07-01T08:00:00Z", NOW)?.toISOString(), "2026-07-01T08:00:00.000Z");
  assert.throws(() => parseExpiryInput("2026-06-14", NOW), /in the future/);
  assert.throws(() => parseExpiryInput("2027-02-30", NOW), /Enter a date/);
  assert.throws(() => parseExpiryInput("next tuesday", NOW), /Enter a date/);
  assert.throws(() => parseExpiryInput("0d", NOW), /in the future/);
});

test("IP ranges are canonicalised; a bad one is refused on the form's field", () => {
  assert.equal(parseAllowedIpRanges(""), "");
  assert.equal(parseAllowedIpRanges(" 192.0.2.0/24 , 2001:DB8::/32,192.0.2.0/24"), "192.0.2.0/24,2001:db8::/32");
  assert.deepEqual(
    fieldOf(() => parseAllowedIpRanges("10.1.2.3/8")),
    ["allowedIpRanges"],
  );
  assert.throws(() => parseAllowedIpRanges("not-an-ip"), /not an IPv4 or IPv6 address/);
});

test("a credential admits only its services, while enabled and unexpired, from its ranges", () => {
  const row = { enabled: true, expiresAt: new Date(NOW.getTime() + DAY), services: "IMAP,SMTP", allowedIpRanges: "" };
  const imapFrom = (ip: string) => ({ service: "IMAP" as const, ip });
  assert.equal(credentialAdmits(row, imapFrom("203.0.113.9"), NOW), true);
  assert.equal(credentialAdmits(row, { service: "SMTP", ip: "::1" }, NOW), true);
  assert.equal(credentialAdmits(row, { service: "POP3", ip: "203.0.113.9" }, NOW), false, "out of scope");
  assert.equal(credentialAdmits(row, { service: "WebUI", ip: "203.0.113.9" }, NOW), false, "never the web UI unless scoped to it");
  assert.equal(credentialAdmits({ ...row, enabled: false }, imapFrom("203.0.113.9"), NOW), false, "disabled");
  assert.equal(credentialAdmits(row, imapFrom("203.0.113.9"), new Date(NOW.getTime() + DAY)), false, "expired at the instant");
  assert.equal(credentialAdmits(row, imapFrom("203.0.113.9"), new Date(NOW.getTime() + DAY - 1)), true, "one ms before expiry");

  const ranged = { ...row, allowedIpRanges: "192.0.2.0/24,2001:db8::/32" };
  assert.equal(credentialAdmits(ranged, imapFrom("192.0.2.77"), NOW), true);
  assert.equal(credentialAdmits(ranged, imapFrom("::ffff:192.0.2.77"), NOW), true, "IPv4-mapped IPv6 is the IPv4 client");
  assert.equal(credentialAdmits(ranged, imapFrom("2001:db8:1::5"), NOW), true);
  assert.equal(credentialAdmits(ranged, imapFrom("192.0.3.1"), NOW), false);
  assert.equal(credentialAdmits(ranged, imapFrom(""), NOW), false, "unknown address with ranges set");
  assert.equal(
    credentialAdmits({ ...row, allowedIpRanges: "garbage" }, imapFrom("192.0.2.1"), NOW),
    false,
    "unreadable ranges admit nobody",
  );
});

test("status: disabled wins over expired; expired at the instant", () => {
  assert.equal(credentialStatus({ enabled: true, expiresAt: null }, NOW), "active");
  assert.equal(credentialStatus({ enabled: true, expiresAt: NOW }, NOW), "expired");
  assert.equal(credentialStatus({ enabled: false, expiresAt: new Date(0) }, NOW), "disabled");
});

test("chosen passwords: 15-character floor, blocklist, not the address, not generated-shaped", () => {
  assert.equal(chosenPasswordProblem("a long chosen passphrase", "ann@example.com"), null);
  assert.match(chosenProblem("easpass", "ann@example.com")!, /at least 15/);
  assert.match(chosenProblem("123456789987654321", "ann@example.com")!, /too common/);
  assert.match(chosenProblem("johnny-phone-password-1", "johnny@example.com")!, /address/);
  assert.match(chosenProblem(generateCredentialSecret(), "ann@example.com")!, /generated secret/);
});

test("credential kind: QR code makes qr, EAS alone makes mobile, anything else app", () => {
  assert.equal(credentialKindFor(["MobileApp"], { qrcode: true }), "qr");
  assert.equal(credentialKindFor(["EAS"]), "mobile");
  assert.equal(credentialKindFor(["eas"]), "mobile");
  assert.equal(credentialKindFor(["EAS", "IMAP"]), "app");
  assert.equal(credentialKindFor(["IMAP"]), "app");
});
