import assert from "node:assert/strict";
import { ACTOR } from "./support";

// What the auth link tests share (auth-links.test.ts, auth-link-redeem.test.ts): the lib
// operations, an administrator and new hires, a fresh client address per call, audit rows.
export const HOUR = 60 * 60 * 1000;
export const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
export const at = (ms: number) => new Date(T0.getTime() + ms);
export const NEW_PASSWORD = "a quiet harbour under the lighthouse";
export const ADMIN_PASSWORD = "the keeper of the lighthouse keys";
let accounts = 0;

export async function lib() {
  const { getDb } = await import("@/lib/db/client");
  const { createAuthLink } = await import("@/lib/auth-links/create-auth-link");
  const { listAuthLinks } = await import("@/lib/auth-links/list-auth-links");
  const { revokeAuthLinks } = await import("@/lib/auth-links/revoke-auth-links");
  const { openAuthLink } = await import("@/lib/auth-links/open-auth-link");
  const { redeemTemporaryAuthLink, redeemPermanentAuthLink } = await import("@/lib/auth-links/redeem-auth-link");
  return { db: getDb(), createAuthLink, listAuthLinks, revokeAuthLinks, openAuthLink, redeemTemporaryAuthLink, redeemPermanentAuthLink };
}

let admin: { id: string; email: string; ip: string; userAgent: string } | undefined;
/** The administrator who makes the links (a real account, so the welcome page can name them). */
export async function theAdmin() {
  if (admin) return admin;
  const { createUser } = await import("@/lib/users/create-user");
  const { getDb } = await import("@/lib/db/client");
  const made = await createUser({ email: "admin@links.test", password: ADMIN_PASSWORD, role: "admin", createDomain: true }, ACTOR);
  await getDb().user.update({ where: { id: made.id }, data: { displayName: "Grace Hopper" } });
  admin = { id: made.id, email: made.email, ip: "127.0.0.1", userAgent: "node-test" };
  return admin;
}

/** A new hire: an account without a password, in its own domain. */
export async function newHire(prefix = "hire") {
  const { createUser } = await import("@/lib/users/create-user");
  const email = `${prefix}${++accounts}@links${accounts}.test`;
  const user = await createUser({ email, createDomain: true }, ACTOR);
  return { id: user.id, email };
}

// Each call its own address unless one is given: the tests move the clock back and forth, and a
// failure counted "later" would make the throttle refuse an address "earlier".
let addresses = 0;
export const client = (ip = `198.51.100.${++addresses}`) => ({ ip, userAgent: "node-test" });

export async function audits(action: string, subjectId: string) {
  const { db } = await lib();
  const rows = await db.auditEvent.findMany({ where: { action, subjectId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ result: r.result, details: JSON.parse(r.details) as Record<string, unknown> }));
}

export async function unusable(promise: Promise<unknown>) {
  await assert.rejects(promise, (e: Error & { code?: string }) => e.code === "link_unusable" && /cannot be used/.test(e.message));
}
