// How a presented secret is matched, without a database: HMAC lookup for generated secrets,
// argon2id for chosen ones, and what the listing may show of either.
import { test } from "node:test";
import assert from "node:assert/strict";
import { credentialLookupHash, generateCredentialSecret, looksGenerated } from "@/lib/credentials/credential-secret";
import { toCarbonioRecord, toCredentialJson, toCredentialView, type CredentialRow } from "@/lib/credentials/credential-view";
import { oneTimeQrPayload, QR_LOGIN_REDEEM_PATH } from "@/lib/credentials/qr-login-payload";
import { hashPassword, verifyPassword } from "@/lib/passwords/hash-password";

const KEY = Buffer.alloc(32, 3);
const NOW = new Date("2026-06-15T12:00:00.000Z");

test("a generated secret finds its row by HMAC however it is typed; another secret or key does not", () => {
  const secret = generateCredentialSecret();
  const stored = credentialLookupHash(secret, KEY);
  assert.match(stored!, /^[0-9a-f]{64}$/, "HMAC-SHA256 hex");
  const typedOnAPhone = secret.toUpperCase().replace(/-/g, " ");
  assert.equal(credentialLookupHash(typedOnAPhone, KEY), stored);
  assert.notEqual(credentialLookupHash(generateCredentialSecret(), KEY), stored);
  assert.notEqual(credentialLookupHash(secret, Buffer.alloc(32, 4)), stored, "keyed: a leaked table is useless without the key");
  assert.ok(!stored!.includes(secret.replace(/-/g, "")));
});

test("a chosen secret is argon2id at the ASVS floor and verifies only exactly as typed", async () => {
  const chosen = "Tractor Lemonade Pagoda 7";
  assert.equal(looksGenerated(chosen), false, "so it takes the argon2 path, not the lookup");
  const hash = await hashPassword(chosen);
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(hash, chosen), true);
  assert.equal(await verifyPassword(hash, chosen.toLowerCase()), false);
  assert.equal(await verifyPassword(hash, `${chosen} `), false);
  assert.equal(await verifyPassword("not-a-hash", chosen), false);
});

const row: CredentialRow = {
  id: "aKcLK01234",
  kind: "mobile",
  label: "Phone",
  services: "EAS",
  generated: true,
  algorithm: "HMAC-SHA256",
  lookupHash: "ab".repeat(32),
  passwordHash: null,
  enabled: true,
  createdAt: new Date(1620892109473),
  expiresAt: null,
  allowedIpRanges: "192.0.2.0/24,2001:db8::/32",
  lastUsedAt: new Date("2026-06-01T10:00:00.000Z"),
  lastUsedIp: "192.0.2.7",
};

test("the view never carries the verifier; the Carbonio record shows a fingerprint of it", () => {
  const view = toCredentialView(row, NOW);
  const text = JSON.stringify(toCredentialJson(view));
  assert.ok(!text.includes(row.lookupHash!), "the lookup hash is not in the JSON");
  assert.equal(view.status, "active");
  assert.deepEqual(view.allowedIpRanges, ["192.0.2.0/24", "2001:db8::/32"]);
  assert.deepEqual(toCarbonioRecord(view), {
    generated: 1,
    created: 1620892109473,
    label: "Phone",
    id: "aKcLK01234",
    services: "EAS",
    hash: view.hashFingerprint,
    enabled: true,
    algorithm: "SHA256",
  });
  assert.equal(view.hashFingerprint.length, 12);
  const chosen = toCredentialView(
    {
      ...row,
      generated: false,
      algorithm: "argon2id",
      lookupHash: null,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$xx$yy",
      enabled: false,
    },
    NOW,
  );
  assert.equal(toCarbonioRecord(chosen).algorithm, "ARGON2ID");
  assert.equal(toCarbonioRecord(chosen).generated, 0);
  assert.equal(chosen.status, "disabled");
  assert.notEqual(chosen.hashFingerprint, view.hashFingerprint);
});

test("the one-time QR payload carries a token and where to redeem it, never a password", () => {
  const expiresAt = new Date(NOW.getTime() + 10 * 60 * 1000);
  const { payload, json } = oneTimeQrPayload({
    user: "ann@example.com",
    token: "tok_abcdefghijklmnop",
    publicUrl: "https://mail.example.com",
    expiresAt,
  });
  assert.equal(
    json,
    '{"auth_method":"one_time_token","auth_payload":{"user":"ann@example.com","token":"tok_abcdefghijklmnop"},"auth_endpoint":[{"url":"https://mail.example.com"}],"redeem_url":"https://mail.example.com/api/mobile/qr-login","expires_at":"2026-06-15T12:10:00.000Z"}',
  );
  assert.equal(payload.redeem_url.endsWith(QR_LOGIN_REDEEM_PATH), true);
  assert.equal("password" in payload.auth_payload, false);
});
