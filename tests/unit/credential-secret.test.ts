import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CREDENTIAL_ID_SHAPE,
  CREDENTIAL_SECRET_ALPHABET,
  CREDENTIAL_SECRET_ENTROPY_BITS,
  CREDENTIAL_SECRET_LENGTH,
  credentialLookupHash,
  generateCredentialId,
  generateCredentialSecret,
  looksGenerated,
  normaliseCredentialSecret,
} from "@/lib/credentials/credential-secret";

// An explicit key keeps these tests away from settings and the data directory.
const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

test("generated secrets are 7 hyphen-separated groups of 4 lower-case Crockford symbols", () => {
  const secret = generateCredentialSecret();
  assert.match(secret, /^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){6}$/);
  assert.equal(secret.length, 34);
  assert.equal(secret.replace(/-/g, "").length, CREDENTIAL_SECRET_LENGTH);
});

test("entropy is at least 128 bits, computed from alphabet and length", () => {
  assert.equal(CREDENTIAL_SECRET_ALPHABET.length, 32);
  assert.equal(new Set(CREDENTIAL_SECRET_ALPHABET).size, 32);
  assert.doesNotMatch(CREDENTIAL_SECRET_ALPHABET, /[ilou]/);
  const bits = CREDENTIAL_SECRET_LENGTH * Math.log2(CREDENTIAL_SECRET_ALPHABET.length);
  assert.equal(bits, 140);
  assert.equal(CREDENTIAL_SECRET_ENTROPY_BITS, bits);
  assert.ok(bits >= 128);
});

test("1000 generated secrets and ids are all different and use every symbol", () => {
  const secrets = new Set(Array.from({ length: 1000 }, generateCredentialSecret));
  assert.equal(secrets.size, 1000);
  const seen = new Set([...secrets].join("").replace(/-/g, ""));
  assert.equal(seen.size, 32);
  const ids = new Set(Array.from({ length: 1000 }, generateCredentialId));
  assert.equal(ids.size, 1000);
});

test("spaced, upper-case, hyphen-less and look-alike input normalise to the same hash", () => {
  const secret = "7kq2-mx9d-01ab-cdef-ghjk-mnpq-rstv";
  const canonical = "7kq2mx9d01abcdefghjkmnpqrstv";
  const variants = [
    secret,
    canonical,
    "7KQ2-MX9D-01AB-CDEF-GHJK-MNPQ-RSTV",
    "7kq2 mx9d 01ab cdef ghjk mnpq rstv",
    " 7kq2mx9d OLab cdef-ghjk mnpq rstv ",
    "7kq2-mx9d-oIab-cdef-ghjk-mnpq-rstv",
  ];
  for (const v of variants) {
    assert.equal(looksGenerated(v), true, v);
    assert.equal(normaliseCredentialSecret(v), canonical, v);
    assert.equal(credentialLookupHash(v, KEY), credentialLookupHash(canonical, KEY), v);
  }
  const fresh = generateCredentialSecret();
  assert.equal(credentialLookupHash(fresh.toUpperCase().replace(/-/g, " "), KEY), credentialLookupHash(fresh, KEY));
});

test("chosen passwords do not look generated and are kept exactly as typed", () => {
  for (const chosen of [
    "easpass",
    "Correct Horse Battery Staple",
    "Hunter2-Hunter2",
    "7kq2-mx9d-01ab-cdef-ghjk-mnpq-rst",
    "7kq2-mx9d-01ab-cdef-ghjk-mnpq-rstu",
  ]) {
    assert.equal(looksGenerated(chosen), false, chosen);
    assert.equal(normaliseCredentialSecret(chosen), chosen, chosen);
  }
  // Case still matters for chosen passwords.
  assert.notEqual(credentialLookupHash("EasPass", KEY), credentialLookupHash("easpass", KEY));
});

test("empty and over-long input is rejected", () => {
  assert.equal(normaliseCredentialSecret(""), null);
  assert.equal(normaliseCredentialSecret("a".repeat(257)), null);
  assert.equal(normaliseCredentialSecret("a".repeat(256)), "a".repeat(256));
  assert.equal(credentialLookupHash("a".repeat(5000), KEY), null);
  assert.equal(looksGenerated("a".repeat(5000)), false);
});

test("lookup hash is a stable, keyed HMAC-SHA256", async () => {
  const { createHmac } = await import("node:crypto");
  const canonical = "7kq2mx9d01abcdefghjkmnpqrstv";
  const expected = createHmac("sha256", KEY).update(canonical).digest("hex");
  assert.equal(credentialLookupHash("7KQ2-MX9D-01AB-CDEF-GHJK-MNPQ-RSTV", KEY), expected);
  assert.equal(credentialLookupHash(canonical, KEY), expected);
  assert.match(expected, /^[0-9a-f]{64}$/);
  assert.notEqual(credentialLookupHash(canonical, OTHER_KEY), expected);
});

test("credential ids are 10 base62 characters", () => {
  for (let i = 0; i < 200; i++) {
    const id = generateCredentialId();
    assert.match(id, /^[0-9A-Za-z]{10}$/);
    assert.match(id, CREDENTIAL_ID_SHAPE);
  }
  assert.ok(10 * Math.log2(62) > 59);
});
