import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { GateDecisionCache } from "@/lib/gate/gate-decision-cache";
import { noteAccessChanged } from "@/lib/gate/access-changes";

const decision = (userId: string) => ({ userId, email: `${userId}@example.test`, credentialId: null });

test("the key is a keyed hash: never the secret, different per instance, different per service and IP", () => {
  const a = new GateDecisionCache({ maxEntries: 10, ttlMs: 1000, secret: randomBytes(32) });
  const b = new GateDecisionCache({ maxEntries: 10, ttlMs: 1000, secret: randomBytes(32) });
  const parts = { user: "u@example.test", secret: "my secret password", service: "IMAP", ip: "192.0.2.1" };
  const key = a.keyOf(parts);
  assert.ok(!key.includes("secret") && key.length === 43);
  assert.notEqual(key, b.keyOf(parts));
  assert.notEqual(key, a.keyOf({ ...parts, service: "SMTP" }));
  assert.notEqual(key, a.keyOf({ ...parts, ip: "192.0.2.2" }));
  a.close();
  b.close();
});

test("entries expire after the TTL or the credential's expiry, the size limit holds (oldest out first), and the TTL may not exceed 60 s", () => {
  let now = 0;
  const cache = new GateDecisionCache({ maxEntries: 3, ttlMs: 1000, secret: randomBytes(32) }, () => now);
  for (let i = 0; i < 10; i++) cache.set(`k${i}`, decision(`u${i}`), cache.currentEpoch);
  assert.equal(cache.size, 3);
  assert.equal(cache.get("k0"), null);
  assert.equal(cache.get("k9")?.userId, "u9");
  now = 1000;
  assert.equal(cache.get("k9"), null);
  cache.set("soon", decision("u"), cache.currentEpoch, new Date(now + 200));
  now += 199;
  assert.equal(cache.get("soon")?.userId, "u");
  now += 1;
  assert.equal(cache.get("soon"), null, "never past the credential's expiry");
  cache.set("gone", decision("u"), cache.currentEpoch, new Date(now - 1));
  assert.equal(cache.get("gone"), null);
  assert.throws(() => new GateDecisionCache({ maxEntries: 3, ttlMs: 60_001, secret: randomBytes(32) }));
  cache.close();
});

test("an access change forgets that account's decisions at once (or all, for a policy), and a decision begun before it is not cached", () => {
  const cache = new GateDecisionCache({ maxEntries: 10, ttlMs: 30_000, secret: randomBytes(32) });
  cache.set("a1", decision("alice"), cache.currentEpoch);
  cache.set("b1", decision("bob"), cache.currentEpoch);
  noteAccessChanged("alice");
  assert.equal(cache.get("a1"), null);
  assert.equal(cache.get("b1")?.userId, "bob");
  const begun = cache.currentEpoch;
  noteAccessChanged(null);
  assert.equal(cache.size, 0);
  cache.set("b2", decision("bob"), begun);
  assert.equal(cache.get("b2"), null, "decided before the change: not cached");
  cache.close();
});

test("a note relayed from the web child (npm start's IPC) forgets like a local one; anything else is ignored", async () => {
  const { relayAccessChange, ACCESS_CHANGED_MESSAGE } = await import("@/lib/gate/access-changes");
  const cache = new GateDecisionCache({ maxEntries: 10, ttlMs: 30_000, secret: randomBytes(32) });
  cache.set("a1", decision("alice"), cache.currentEpoch);
  cache.set("b1", decision("bob"), cache.currentEpoch);
  for (const junk of [null, "x", { type: "other", userId: "alice" }, { userId: "alice" }]) relayAccessChange(junk);
  assert.equal(cache.size, 2);
  relayAccessChange({ type: ACCESS_CHANGED_MESSAGE, userId: "alice" });
  assert.equal(cache.get("a1"), null);
  assert.equal(cache.get("b1")?.userId, "bob");
  relayAccessChange({ type: ACCESS_CHANGED_MESSAGE, userId: 42 }); // not a user id: forget everything
  assert.equal(cache.size, 0);
  cache.close();
});
