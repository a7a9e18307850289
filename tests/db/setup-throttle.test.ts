import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase } from "./support";

useTestDatabase();

// The first-admin setup action checks the link before it hashes a password, and allows
// 10 attempts per client IP per hour (README "Security model").
const input = { email: "root@setup.test", displayName: "Root", password: "a very long admin passphrase" };
const ctx = (ip: string) => ({ ip, userAgent: "node-test" });

test("32 parallel attempts with a wrong token hash nothing, and the IP is refused after 10", async () => {
  const { issueSetupLink, completeSetup, isSetupTokenUsable } = await import("@/lib/setup/first-admin-setup");
  const { hashPassword } = await import("@/lib/passwords/hash-password");
  const now = new Date();
  let hashes = 0;
  const countingHash = (password: string) => {
    hashes++;
    return hashPassword(password);
  };
  const token = (await issueSetupLink("http://localhost:3000", now))!.split("/setup/")[1];

  const wrong = await Promise.allSettled(
    Array.from({ length: 32 }, () => completeSetup("not-the-token-" + "x".repeat(30), input, ctx("127.0.0.1"), now, countingHash)),
  );
  const codes = wrong.map((r) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "created"));
  assert.equal(hashes, 0, "no argon2 hash without a usable link");
  assert.equal(codes.filter((c) => c === "expired").length, 10, "the first 10 attempts are looked at");
  assert.equal(codes.filter((c) => c === "rate_limited").length, 22, "the rest are refused");

  // Even the right token is refused from the throttled IP, and is not used up by that.
  await assert.rejects(completeSetup(token, input, ctx("127.0.0.1"), now, countingHash), { code: "rate_limited" });
  assert.equal(hashes, 0);
  assert.equal(await isSetupTokenUsable(token, now), true);

  // From another address the right token works, once.
  const admin = await completeSetup(token, input, ctx("127.0.0.2"), now, countingHash);
  assert.equal(admin.email, input.email);
  assert.equal(hashes, 1);
  await assert.rejects(completeSetup(token, input, ctx("127.0.0.3"), now, countingHash), { code: "expired" });
  assert.equal(hashes, 1, "a used link costs no hash either");

  // An hour later the throttled IP is let through again (and finds the link used).
  const later = new Date(now.getTime() + 60 * 60 * 1000 + 1000);
  await assert.rejects(completeSetup(token, input, ctx("127.0.0.1"), later, countingHash), { code: "expired" });
});

test("a weak password is refused after the link check and before any hash", async () => {
  const { completeSetup } = await import("@/lib/setup/first-admin-setup");
  const { getDb } = await import("@/lib/db/client");
  await getDb().user.deleteMany({});
  const { issueSetupLink } = await import("@/lib/setup/first-admin-setup");
  const token = (await issueSetupLink("http://localhost:3000"))!.split("/setup/")[1];
  let hashes = 0;
  const countingHash = async () => {
    hashes++;
    return "unused";
  };
  await assert.rejects(completeSetup(token, { ...input, password: "1qaz2wsx3edc4rfv" }, ctx("127.0.0.9"), new Date(), countingHash), {
    code: "invalid_input",
  });
  assert.equal(hashes, 0);
});
