import { test } from "node:test";
import assert from "node:assert/strict";
import { negotiateAcceptLanguage, resolveLocale } from "@/lib/i18n/resolve-locale";

// Which language a person is answered in: their own choice, the sign-in switch, the browser, the
// domain, then DEFAULT_LOCALE.

test("the first usable source wins, in order: user, cookie, browser, domain, default", () => {
  const all = { userLocale: "it", cookieLocale: "de", acceptLanguage: "en-GB", domainLocale: "de", fallback: "en" as const };
  assert.equal(resolveLocale(all), "it");
  assert.equal(resolveLocale({ ...all, userLocale: null }), "de", "the cookie set by the login page's switch");
  assert.equal(resolveLocale({ ...all, userLocale: null, cookieLocale: undefined }), "en", "the browser");
  assert.equal(resolveLocale({ ...all, userLocale: null, cookieLocale: null, acceptLanguage: "fr-FR" }), "de", "the domain");
  assert.equal(resolveLocale({ fallback: "it" }), "it", "an anonymous visitor with nothing to go on gets DEFAULT_LOCALE");
});

test("values Gatehouse does not speak are skipped, never used", () => {
  assert.equal(resolveLocale({ userLocale: "fr", cookieLocale: "xx", acceptLanguage: "", domainLocale: "es", fallback: "en" }), "en");
  assert.equal(resolveLocale({ cookieLocale: "DE", acceptLanguage: "it", fallback: "en" }), "it", "the cookie is compared exactly");
});

test("Accept-Language: the highest q-value among the languages offered wins", () => {
  assert.equal(negotiateAcceptLanguage("de-DE,de;q=0.9,en;q=0.8"), "de");
  assert.equal(negotiateAcceptLanguage("fr-FR,fr;q=0.9,it;q=0.5,en;q=0.4"), "it", "an unsupported first choice is passed over");
  assert.equal(negotiateAcceptLanguage("en;q=0.2, de;q=0.7"), "de", "order in the header does not beat q");
  assert.equal(negotiateAcceptLanguage("de;q=0, en"), "en", "q=0 means not this one");
  assert.equal(negotiateAcceptLanguage("it-IT"), "it", "a regional variant matches its language");
  assert.equal(negotiateAcceptLanguage("IT"), "it", "case does not matter");
});

test("Accept-Language that names none of our languages falls through", () => {
  assert.equal(negotiateAcceptLanguage("zh-CN,ja;q=0.5"), null);
  assert.equal(negotiateAcceptLanguage("*"), null, "a bare wildcard says nothing about the person");
  assert.equal(negotiateAcceptLanguage("fr, *;q=0.5"), null);
  assert.equal(negotiateAcceptLanguage(null), null);
  assert.equal(negotiateAcceptLanguage("de;q=0"), null);
  assert.equal(resolveLocale({ acceptLanguage: "*", domainLocale: "de", fallback: "en" }), "de");
});
