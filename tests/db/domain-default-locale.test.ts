import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// An admin sets a domain's default language (the console's domains page and the CLI both call
// setDomainDefaultLocale); the domain's accounts then get it when nothing else chose a language.

test("a domain's default language is saved, audited, reaches its accounts' sessions, and can be removed", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { createSession, findActiveSession } = await import("@/lib/sessions/session-store");
  const { setDomainDefaultLocale } = await import("@/lib/domains/set-domain-default-locale");
  const { listDomains } = await import("@/lib/domains/list-domains");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser({ email: "eva@lang.test", password: "plenty long passphrase for tests", createDomain: true }, ACTOR);
  const sid = await getDb().$transaction((tx) => createSession(tx, { userId: user.id, authMethod: "password" }));

  const saved = await setDomainDefaultLocale("LANG.test", "it", ACTOR);
  assert.equal(saved.defaultLocale, "it");
  assert.equal((await listDomains()).find((d) => d.name === "lang.test")?.defaultLocale, "it");
  assert.equal((await findActiveSession(sid))?.preferences?.domainLocale, "it");

  const audit = await getDb().auditEvent.findFirst({ where: { action: "domain.defaultLocale" }, orderBy: { createdAt: "desc" } });
  assert.deepEqual(JSON.parse(audit!.details), { domain: "lang.test", from: null, to: "it" });

  await setDomainDefaultLocale("lang.test", null, ACTOR);
  assert.equal((await listDomains()).find((d) => d.name === "lang.test")?.defaultLocale, null);
  assert.equal((await findActiveSession(sid))?.preferences?.domainLocale, null);
});

test("a language Gatehouse does not offer, or an unknown domain, is refused and changes nothing", async () => {
  const { createDomain } = await import("@/lib/domains/create-domain");
  const { setDomainDefaultLocale } = await import("@/lib/domains/set-domain-default-locale");
  const { listDomains } = await import("@/lib/domains/list-domains");
  await createDomain("fixed.test", ACTOR);
  await setDomainDefaultLocale("fixed.test", "de", ACTOR);
  await assert.rejects(setDomainDefaultLocale("fixed.test", "fr" as never, ACTOR), {
    code: "invalid_input",
    message: "Choose one of the languages offered.",
  });
  await assert.rejects(setDomainDefaultLocale("nowhere.test", "it", ACTOR), {
    code: "not_found",
    message: "The domain nowhere.test does not exist.",
  });
  assert.equal((await listDomains()).find((d) => d.name === "fixed.test")?.defaultLocale, "de");
});
