import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// How long a domain's temporary auth links last (issue 10): the console's domains page and
// `gatehouse domain update D authLinkHours N` both call setDomainAuthLinkHours.

test("a domain's auth link lifetime starts at 12 hours, is saved and audited with before and after", async () => {
  const { createDomain } = await import("@/lib/domains/create-domain");
  const { setDomainAuthLinkHours } = await import("@/lib/domains/set-domain-auth-link-hours");
  const { listDomains } = await import("@/lib/domains/list-domains");
  const { getDb } = await import("@/lib/db/client");
  const created = await createDomain("hours.test", ACTOR);
  assert.equal(created.authLinkHours, 12);

  const saved = await setDomainAuthLinkHours("HOURS.test", 72, ACTOR);
  assert.equal(saved.authLinkHours, 72);
  assert.equal(saved.name, "hours.test");
  assert.equal((await listDomains()).find((d) => d.name === "hours.test")?.authLinkHours, 72);
  await setDomainAuthLinkHours("hours.test", 1, ACTOR);

  const audits = await getDb().auditEvent.findMany({ where: { action: "domain.update" }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    audits.map((a) => [a.result, a.actorEmail, JSON.parse(a.details)]),
    [
      ["success", ACTOR.email, { domain: "hours.test", field: "authLinkHours", before: 12, after: 72 }],
      ["success", ACTOR.email, { domain: "hours.test", field: "authLinkHours", before: 72, after: 1 }],
    ],
  );
});

test("hours outside 1..168, or not whole, are refused with a field error, and an unknown domain too; nothing changes", async () => {
  const { createDomain } = await import("@/lib/domains/create-domain");
  const { setDomainAuthLinkHours } = await import("@/lib/domains/set-domain-auth-link-hours");
  const { listDomains } = await import("@/lib/domains/list-domains");
  const { getDb } = await import("@/lib/db/client");
  await createDomain("fixed-hours.test", ACTOR);
  await setDomainAuthLinkHours("fixed-hours.test", 168, ACTOR);
  const auditsBefore = await getDb().auditEvent.count({ where: { action: "domain.update" } });
  for (const bad of [0, 169, -1, 1.5, Number.NaN]) {
    await assert.rejects(
      setDomainAuthLinkHours("fixed-hours.test", bad, ACTOR),
      (e: { code: string; message: string; fieldErrors?: Record<string, string[]> }) => {
        assert.equal(e.code, "invalid_input");
        assert.equal(e.message, "Enter a whole number of hours from 1 to 168.");
        assert.deepEqual(Object.keys(e.fieldErrors ?? {}), ["authLinkHours"]);
        return true;
      },
    );
  }
  await assert.rejects(setDomainAuthLinkHours("nowhere.test", 24, ACTOR), {
    code: "not_found",
    message: "The domain nowhere.test does not exist.",
  });
  assert.equal((await listDomains()).find((d) => d.name === "fixed-hours.test")?.authLinkHours, 168);
  assert.equal(await getDb().auditEvent.count({ where: { action: "domain.update" } }), auditsBefore);
});
