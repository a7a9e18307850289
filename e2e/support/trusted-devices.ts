import { randomBytes } from "node:crypto";
import { sql } from "./server";

/**
 * A trusted device row as sign-in would have written it (its token is random and unknown, so it
 * only shows in the lists): for the specs about how the lists name and revoke devices.
 */
export function insertTrustedDevice(userId: string, device: { description: string; ip: string; days: number }): void {
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const now = Date.now();
  sql(
    `INSERT INTO "TrustedDevice" ("id", "userId", "tokenHash", "description", "ip", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    `e2e${randomBytes(8).toString("hex")}`,
    userId,
    randomBytes(32).toString("hex"),
    device.description,
    device.ip,
    iso(now),
    iso(now + device.days * 24 * 60 * 60 * 1000),
  );
}
