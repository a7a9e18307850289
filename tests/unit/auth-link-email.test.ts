import { test } from "node:test";
import assert from "node:assert/strict";
import { composeAuthLinkEmail, type AuthLinkEmailInput } from "@/lib/auth-links/compose-auth-link-email";
import { mailtoHref } from "@/lib/auth-links/auth-link-mailto";

const URL = "https://auth.example.com/link/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWpr";
const base: AuthLinkEmailInput = {
  locale: "en",
  recipient: { email: "new.hire@example.com", displayName: "Nora Hire" },
  inviter: "Ada Admin",
  url: URL,
  permanent: false,
  expiresAt: new Date("2026-12-05T06:30:00Z"),
  needsSecondFactor: false,
  timeZone: "Europe/Rome",
};

const expected = {
  en: { subject: "Your sign-in link for new.hire@example.com", hello: "Hello Nora Hire,", expiry: "December 5, 2026 at 7:30 AM GMT+1" },
  it: {
    subject: "Il tuo link di accesso per new.hire@example.com",
    hello: "Ciao Nora Hire,",
    expiry: "5 dicembre 2026 alle ore 07:30 CET",
  },
  de: { subject: "Ihr Anmeldelink für new.hire@example.com", hello: "Hallo Nora Hire,", expiry: "5. Dezember 2026 um 07:30 MEZ" },
} as const;

for (const locale of ["en", "it", "de"] as const) {
  test(`the ${locale} message names the person, the sender, the link and its expiry in both parts`, () => {
    const mail = composeAuthLinkEmail({ ...base, locale });
    const want = expected[locale];
    assert.equal(mail.subject, want.subject);
    for (const part of [mail.text, mail.html]) {
      assert.ok(part.includes(want.hello), `${locale}: greeting`);
      assert.ok(part.includes("Ada Admin"), `${locale}: inviter`);
      assert.ok(part.includes(URL), `${locale}: link`);
      assert.ok(part.includes(want.expiry), `${locale}: expiry "${want.expiry}" in ${part}`);
    }
    assert.match(mail.html, new RegExp(`<html lang="${locale}">`));
    assert.match(mail.html, new RegExp(`<a href="${URL}" style="[^"]*">`), "a button-like link");
    assert.doesNotMatch(mail.html, /<img|src=|url\(/i, "nothing remote");
  });
}

test("Italian says tu and German says Sie", () => {
  const it = composeAuthLinkEmail({ ...base, locale: "it", needsSecondFactor: true }).text;
  assert.match(it, /ti ha inviato un link di accesso al tuo account/);
  assert.match(it, /scegli una password/);
  const de = composeAuthLinkEmail({ ...base, locale: "de", needsSecondFactor: true }).text;
  assert.match(de, /hat Ihnen einen Anmeldelink für Ihr Konto/);
  assert.match(de, /Zwei-Faktor-Authentifizierung/);
});

test("what happens next: a password, two-factor set-up only when the account needs it, and whom to ask", () => {
  const plain = composeAuthLinkEmail(base).text;
  assert.match(plain, /choose a password/);
  assert.doesNotMatch(plain, /two-factor/);
  assert.match(plain, /If you did not expect this message, ignore it, or ask your administrator\./);
  assert.match(composeAuthLinkEmail({ ...base, needsSecondFactor: true }).text, /set up two-factor authentication/);
});

test("a permanent link says it does not expire, and asks for no password", () => {
  const mail = composeAuthLinkEmail({ ...base, permanent: true, expiresAt: null, needsSecondFactor: true });
  assert.match(mail.text, /permanent link/);
  assert.match(mail.text, /does not expire/);
  assert.doesNotMatch(mail.text, /choose a password|two-factor/);
  assert.match(composeAuthLinkEmail({ ...base, locale: "de", permanent: true, expiresAt: null }).text, /läuft nicht ab/);
});

test("without a display name the greeting uses the address; without an inviter (CLI) it says an administrator", () => {
  const mail = composeAuthLinkEmail({ ...base, recipient: { email: "x@example.com", displayName: " " }, inviter: null });
  assert.match(mail.text, /^Hello x@example\.com,/);
  assert.match(mail.text, /An administrator sent you a link/);
  assert.match(composeAuthLinkEmail({ ...base, locale: "it", inviter: null }).text, /Un amministratore ti ha inviato/);
});

test("every value in the HTML part is escaped", () => {
  const mail = composeAuthLinkEmail({
    ...base,
    recipient: { email: "new.hire@example.com", displayName: "<script>alert(1)</script>" },
    inviter: `Eve "&" <b>Boss</b>`,
    url: `${URL}"><script>x</script>`,
  });
  assert.doesNotMatch(mail.html, /<script|<b>/);
  assert.ok(mail.html.includes("Hello &lt;script&gt;alert(1)&lt;/script&gt;,"));
  assert.ok(mail.html.includes("Eve &quot;&amp;&quot; &lt;b&gt;Boss&lt;/b&gt;"));
  assert.ok(mail.html.includes(`href="${URL}&quot;&gt;&lt;script&gt;x&lt;/script&gt;"`));
  // The text part is not HTML: it carries the name as written.
  assert.ok(mail.text.includes("Hello <script>alert(1)</script>,"));
});

test("a mailto: href decodes to the address, subject and text", () => {
  const mail = composeAuthLinkEmail({ ...base, locale: "de" });
  const href = mailtoHref("new.hire@example.com", mail.subject, mail.text);
  assert.match(href, /^mailto:new\.hire@example\.com\?subject=[^&]+&body=[^&]+$/);
  const [subject, body] = href
    .slice(href.indexOf("?") + 1)
    .split("&")
    .map((field) => decodeURIComponent(field.slice(field.indexOf("=") + 1)));
  assert.equal(subject, mail.subject);
  assert.equal(body, mail.text.replace(/\n/g, "\r\n"));
});
