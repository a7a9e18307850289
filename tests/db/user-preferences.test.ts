import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// A person's language and theme are saved on the account and come back with every request's
// session, together with their domain's default language, which lib/i18n/resolve-locale.ts uses.

test("saved language and theme, and the domain default, come back with the session; null follows the browser again", async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const { createSession, findActiveSession } = await import("@/lib/sessions/session-store");
  const { updatePreferences } = await import("@/lib/users/update-preferences");
  const { resolveLocale } = await import("@/lib/i18n/resolve-locale");
  const { getDb } = await import("@/lib/db/client");
  const user = await createUser({ email: "ida@prefs.test", password: "plenty long passphrase for tests", createDomain: true }, ACTOR);
  const sid = await getDb().$transaction((tx) => createSession(tx, { userId: user.id, authMethod: "password" }));

  assert.deepEqual((await findActiveSession(sid))?.preferences, { locale: null, theme: null, domainLocale: null });

  await getDb().domain.update({ where: { name: "prefs.test" }, data: { defaultLocale: "de" } });
  const fresh = (await findActiveSession(sid))!.preferences!;
  assert.equal(resolveLocale({ userLocale: fresh.locale, acceptLanguage: "fr", domainLocale: fresh.domainLocale, fallback: "en" }), "de");

  await updatePreferences(user.id, { locale: "it", theme: "dark" });
  const saved = (await findActiveSession(sid))!.preferences!;
  assert.deepEqual(saved, { locale: "it", theme: "dark", domainLocale: "de" });
  assert.equal(
    resolveLocale({ userLocale: saved.locale, acceptLanguage: "de-DE", domainLocale: saved.domainLocale, fallback: "en" }),
    "it",
  );

  await updatePreferences(user.id, { locale: null, theme: null });
  assert.deepEqual((await findActiveSession(sid))?.preferences, { locale: null, theme: null, domainLocale: "de" });
});

test("a language or theme Gatehouse does not offer is refused", async () => {
  const { updatePreferences } = await import("@/lib/users/update-preferences");
  const { createUser } = await import("@/lib/users/create-user");
  const user = await createUser({ email: "max@prefs.test", password: "plenty long passphrase for tests", createDomain: true }, ACTOR);
  await assert.rejects(updatePreferences(user.id, { locale: "fr" as never, theme: null }), {
    code: "invalid_input",
    message: "Choose one of the languages offered.",
  });
  await assert.rejects(updatePreferences(user.id, { locale: null, theme: "sepia" as never }), { code: "invalid_input" });
});
