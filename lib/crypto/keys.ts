import { hkdfSync } from "node:crypto";
import { getSettings, type Settings } from "@/lib/config/settings";
import { readOrCreateSecretFile } from "@/lib/crypto/secret-files";

// Separate keys for separate jobs, all derived from AUTH_SECRET with HKDF, so that a key leaking
// from one use (say a log of signed cookies) says nothing about the others.
export type Keys = { sessionSigning: string; encryption: Buffer; hmac: Buffer };

function derive(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "gatehouse", label, 32));
}

export function authSecretOf(settings: Settings): string {
  return settings.authSecret ?? readOrCreateSecretFile(settings.dataDir, "auth-secret");
}

export function gateSecretOf(settings: Settings): string {
  return settings.gateSecret ?? readOrCreateSecretFile(settings.dataDir, "gate-secret");
}

let cached: Keys | undefined;
export function getKeys(): Keys {
  if (!cached) {
    const secret = authSecretOf(getSettings());
    cached = {
      sessionSigning: derive(secret, "session-signing").toString("base64url"),
      encryption: derive(secret, "aes-256-gcm"),
      hmac: derive(secret, "hmac-sha256"),
    };
  }
  return cached;
}
