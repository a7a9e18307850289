import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// lib/gate/gate-queries.ts reads Prisma's tables with the drivers' prepared statements: the same
// rows, types and instants as Prisma sees, on SQLite and on PostgreSQL.
test("the prepared reads return what Prisma stored: credential with its account, and throttle counters", async () => {
  const { getSettings } = await import("@/lib/config/settings");
  const { getDb } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/users/create-user");
  const { createCredential } = await import("@/lib/credentials/create-credential");
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  const { credentialLookupHash } = await import("@/lib/credentials/credential-secret");
  const { openGateQueries } = await import("@/lib/gate/gate-queries");
  const user = await createUser({ email: "quinn@queries.test", password: "plenty long passphrase", createDomain: true }, ACTOR);
  const expiresAt = new Date(Date.now() + 3 * 24 * 3600_000 + 123);
  const { secret, credential } = await createCredential(
    { account: user.email, label: "Phone", services: "imap,smtp", expiresAt, allowedIpRanges: "10.0.0.0/8, 2001:db8::/32" },
    ACTOR,
  );
  const failedAt = new Date("2026-12-01T10:11:12.345Z");
  await getDb().throttleCounter.createMany({
    data: [
      { key: "account:quinn@queries.test", failures: 3, lastFailureAt: failedAt },
      { key: "ip:192.0.2.9", failures: 21, lastFailureAt: failedAt },
      { key: "ip:192.0.2.10", failures: 1, lastFailureAt: failedAt },
    ],
  });

  const queries = openGateQueries(getSettings());
  try {
    const row = await queries.credentialByLookupHash(credentialLookupHash(secret)!);
    assert.deepEqual(row, {
      id: credential.id,
      userId: user.id,
      enabled: true,
      expiresAt,
      services: "IMAP,SMTP",
      allowedIpRanges: "10.0.0.0/8,2001:db8::/32",
      email: "quinn@queries.test",
      status: "active",
    });
    assert.equal(await queries.credentialByLookupHash(credentialLookupHash("0000-0000-0000-0000-0000-0000-0000")!), null);

    await updateCredential({ userId: user.id, id: credential.id }, { enabled: false, expiresAt: null }, ACTOR);
    const off = await queries.credentialByLookupHash(credentialLookupHash(secret)!);
    assert.equal(off?.enabled, false);
    assert.equal(off?.expiresAt, null);

    const counters = await queries.throttleCounters(["account:quinn@queries.test", "ip:192.0.2.9"]);
    assert.deepEqual(
      counters.sort((a, b) => a.key.localeCompare(b.key)),
      [
        { key: "account:quinn@queries.test", failures: 3, lastFailureAt: failedAt },
        { key: "ip:192.0.2.9", failures: 21, lastFailureAt: failedAt },
      ],
    );
    assert.deepEqual(await queries.throttleCounters(["account:nobody@queries.test", "ip:198.51.100.1"]), []);

    // Both in one: the same rows as the two reads apart.
    const both = await queries.generatedLogin(credentialLookupHash(secret)!, ["account:quinn@queries.test", "ip:192.0.2.10"]);
    assert.deepEqual(both.credential, off);
    assert.deepEqual(
      both.counters.sort((a, b) => a.key.localeCompare(b.key)),
      [
        { key: "account:quinn@queries.test", failures: 3, lastFailureAt: failedAt },
        { key: "ip:192.0.2.10", failures: 1, lastFailureAt: failedAt },
      ],
    );
    assert.deepEqual(await queries.generatedLogin("no-such-hash", ["account:x@y.test", "ip:203.0.113.1"]), {
      credential: null,
      counters: [],
    });
  } finally {
    await queries.close();
  }
});
