import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  CREDENTIAL_PRESETS,
  carbonioCredentialRecord,
  findCredentialPreset,
  formatCarbonioLine,
  formatCarbonioTextData,
  mobileAppQrPayload,
  storedHashFingerprint,
} from "@/lib/credentials/credential-format";
import { SERVICES } from "@/lib/services/services";

test("QR payload is exactly the documented JSON", () => {
  const { payload, json } = mobileAppQrPayload({ user: "john@example.com", password: "abcd-efgh", publicUrl: "https://mail.example.com" });
  assert.equal(
    json,
    '{"auth_method":"password","auth_payload":{"user":"john@example.com","password":"abcd-efgh"},"auth_endpoint":[{"url":"https://mail.example.com"}]}',
  );
  assert.deepEqual(payload, {
    auth_method: "password",
    auth_payload: { user: "john@example.com", password: "abcd-efgh" },
    auth_endpoint: [{ url: "https://mail.example.com" }],
  });
  // Quotes in a chosen password are escaped, so the JSON stays valid.
  const tricky = mobileAppQrPayload({ user: "a@b.c", password: 'p"w\\d', publicUrl: "http://localhost:3000" });
  assert.equal(JSON.parse(tricky.json).auth_payload.password, 'p"w\\d');
});

const stored = "3f1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e";
const cred = {
  id: "aKcLK12345",
  label: "Smartphone",
  generated: true,
  createdAt: new Date(1620892109473),
  services: ["IMAP", "POP3"] as const,
  storedHash: stored,
  enabled: true,
};

test("record has Carbonio's fields and values", () => {
  const fingerprint = createHash("sha256").update(stored).digest("base64").slice(0, 12);
  assert.deepEqual(carbonioCredentialRecord(cred), {
    generated: 1,
    created: 1620892109473,
    label: "Smartphone",
    id: "aKcLK12345",
    services: "IMAP,POP3",
    hash: fingerprint,
    enabled: true,
    algorithm: "SHA256",
  });
  const chosen = carbonioCredentialRecord({ ...cred, generated: false, enabled: false, createdAt: 5, services: ["EAS"] });
  assert.equal(chosen.generated, 0);
  assert.equal(chosen.created, 5);
  assert.equal(chosen.enabled, false);
  assert.equal(chosen.services, "EAS");
  assert.equal(chosen.algorithm, "ARGON2ID");
  assert.equal(carbonioCredentialRecord({ ...cred, algorithm: "SHA512" }).algorithm, "SHA512");
});

test("hash fingerprint is short and never the stored hash", () => {
  for (const h of [stored, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "x"]) {
    const fp = storedHashFingerprint(h);
    assert.equal(fp.length, 12);
    assert.match(fp, /^[A-Za-z0-9+/=]{12}$/);
    assert.notEqual(fp, h);
    assert.ok(!h.includes(fp));
  }
  assert.notEqual(storedHashFingerprint("a"), storedHashFingerprint("b"));
});

test("one-line Carbonio format", () => {
  const record = carbonioCredentialRecord({ ...cred, generated: false, services: ["EAS"], algorithm: "SHA256" });
  assert.equal(
    formatCarbonioLine(record),
    `generated 0 | created 1620892109473 | label Smartphone | id aKcLK12345 | services EAS | hash ${record.hash} | enabled true | algorithm SHA256`,
  );
  const sneaky = formatCarbonioLine({ ...record, label: "a|b\nenabled false" });
  assert.ok(sneaky.includes("| label a b enabled false |"));
  assert.equal(sneaky.split("\n").length, 1);
  assert.equal(
    formatCarbonioTextData({ user: "john@example.com", password: "easpass" }),
    "auth_method password | password easpass | user john@example.com",
  );
});

test("presets use known services", () => {
  assert.deepEqual(
    CREDENTIAL_PRESETS.map((p) => [p.id, p.services.join(",")]),
    [
      ["web-only", "WebUI"],
      ["imap-pop3", "IMAP,POP3"],
      ["smtp-only", "SMTP"],
      ["eas-phone", "EAS"],
    ],
  );
  for (const p of CREDENTIAL_PRESETS) for (const s of p.services) assert.ok(SERVICES.includes(s));
  assert.equal(findCredentialPreset("eas-phone")?.label, "EAS for a phone");
  assert.equal(findCredentialPreset("nope"), undefined);
});
