import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";

// AES-256-GCM for secret columns: v1.<iv>.<tag>.<ciphertext>, 12-byte IV, 16-byte tag.
const key = randomBytes(32);
const parts = (sealed: string) => sealed.split(".");
const b64 = (b: Buffer) => b.toString("base64url");

test("a sealed value opens with the same key and column, and only then", () => {
  const sealed = encryptSecret("JBSWY3DPEHPK3PXP", "TotpDevice.secret", key);
  assert.equal(decryptSecret(sealed, "TotpDevice.secret", key), "JBSWY3DPEHPK3PXP");
  assert.throws(() => decryptSecret(sealed, "Other.column", key));
  assert.throws(() => decryptSecret(sealed, "TotpDevice.secret", randomBytes(32)));
  const [, iv, tag] = parts(sealed);
  assert.equal(Buffer.from(iv, "base64url").length, 12);
  assert.equal(Buffer.from(tag, "base64url").length, 16);
});

test("a truncated authentication tag is refused, even one that would verify as a short GCM tag", () => {
  const sealed = encryptSecret("seed", "c", key);
  const [v, iv, tag, body] = parts(sealed);
  const full = Buffer.from(tag, "base64url");
  // A tag cut to its first 4..15 bytes is a valid GCM tag of that length for the same message:
  // Node accepts it unless the length is pinned. Each must be refused.
  for (const length of [4, 8, 12, 15]) {
    const cut = [v, iv, b64(full.subarray(0, length)), body].join(".");
    assert.throws(() => decryptSecret(cut, "c", key), /unreadable encrypted value/, `a ${length}-byte tag`);
  }
  assert.throws(() => decryptSecret([v, iv, b64(Buffer.concat([full, Buffer.from([0])])), body].join("."), "c", key));
});

test("an IV that is not 12 bytes is refused", () => {
  const [v, iv, tag, body] = parts(encryptSecret("seed", "c", key));
  const ivBytes = Buffer.from(iv, "base64url");
  for (const wrong of [ivBytes.subarray(0, 8), Buffer.concat([ivBytes, Buffer.alloc(4)]), Buffer.alloc(1)]) {
    assert.throws(
      () => decryptSecret([v, b64(wrong), tag, body].join("."), "c", key),
      /unreadable encrypted value/,
      `${wrong.length} bytes`,
    );
  }
  assert.throws(() => decryptSecret("v2.a.b.c", "c", key), /unreadable/);
  assert.throws(() => decryptSecret("v1.a.b", "c", key), /unreadable/);
});
