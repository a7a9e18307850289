import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getKeys } from "@/lib/crypto/keys";

// AES-256-GCM for secret columns (TOTP seeds, SAML keys). Format: v1.<iv>.<tag>.<ciphertext>,
// base64url. The column name is bound in as associated data so a value cannot be moved to
// another column and decrypted there.
export function encryptSecret(plaintext: string, context: string, key = getKeys().encryption): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(sealed: string, context: string, key = getKeys().encryption): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unreadable encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
