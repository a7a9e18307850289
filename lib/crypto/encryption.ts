import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getKeys } from "@/lib/crypto/keys";

// AES-256-GCM for secret columns (TOTP seeds, SAML keys). Format: v1.<iv>.<tag>.<ciphertext>,
// base64url. The column name is bound in as associated data so a value cannot be moved to
// another column and decrypted there.
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptSecret(plaintext: string, context: string, key = getKeys().encryption): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(sealed: string, context: string, key = getKeys().encryption): string {
  const [version, ivText, tagText, body] = sealed.split(".");
  if (version !== "v1" || !ivText || !tagText || body === undefined) throw new Error("unreadable encrypted value");
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  // GCM accepts shorter tags (down to 4 bytes), which makes forging one cheap: only ours pass.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error("unreadable encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
