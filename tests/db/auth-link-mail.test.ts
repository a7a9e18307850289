import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import type { AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { startSmtpReceiver, type SmtpReceiver } from "../smtp-receiver";
import { ACTOR, useTestDatabase } from "./support";

useTestDatabase();

// "Send by email" against a real SMTP server on a loopback port: what arrives is parsed with
// mailparser, and the link in it is opened and redeemed. SMTP_URL and MAIL_FROM are set per test
// (the server's port is known only once it listens), then the settings are read again.

const CLIENT = { ip: "203.0.113.7", userAgent: "node-test" };
const receivers: SmtpReceiver[] = [];

async function startSmtp(handlers: Partial<SMTPServerOptions> = {}): Promise<SmtpReceiver> {
  const receiver = await startSmtpReceiver(handlers);
  receivers.push(receiver);
  return receiver;
}

/** A port nothing listens on: one that was just free. */
async function closedPort(): Promise<number> {
  const server = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(resolve));
  return port;
}

async function useMail(smtpUrl: string | undefined): Promise<void> {
  const { forgetSettingsForTests } = await import("@/lib/config/settings");
  if (smtpUrl) {
    process.env.SMTP_URL = smtpUrl;
    process.env.MAIL_FROM = "Example IT <it@mail-test.example>";
  } else {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  }
  forgetSettingsForTests();
}

let admin: { id: string; email: string; ip: string; userAgent: string };
let people: Promise<void> | undefined;

/** The admin who sends, and three recipients: Italian by choice, German by domain, English by default. */
function setUpPeople(): Promise<void> {
  people ??= createPeople();
  return people;
}

async function createPeople(): Promise<void> {
  const { createUser } = await import("@/lib/users/create-user");
  const { setDomainDefaultLocale } = await import("@/lib/domains/set-domain-default-locale");
  const row = await createUser({ email: "ada@mail.test", displayName: "Ada Admin", role: "admin", createDomain: true }, ACTOR);
  admin = { id: row.id, email: row.email, ip: "198.51.100.1", userAgent: "node-test" };
  await createUser({ email: "nora@mail.test", displayName: "Nora <Hire>" }, ACTOR);
  await createUser({ email: "gert@de.mail.test", createDomain: true }, ACTOR);
  await setDomainDefaultLocale("de.mail.test", "de", ACTOR);
  const { getDb } = await import("@/lib/db/client");
  await getDb().user.update({ where: { email: "nora@mail.test" }, data: { locale: "it" } });
}

after(async () => {
  await useMail(undefined);
  await Promise.all(receivers.map((r) => r.close()));
});

async function newLink(email: string, opts: { permanent?: boolean } = {}) {
  await setUpPeople();
  const { createAuthLink } = await import("@/lib/auth-links/create-auth-link");
  const { findUser } = await import("@/lib/users/find-user");
  const user = await findUser(email);
  return createAuthLink({ userId: user.id, ...(opts.permanent ? { permanent: true, confirmPermanent: true } : {}) }, admin);
}

async function sendAudits(linkId: string) {
  const { getDb } = await import("@/lib/db/client");
  const rows = await getDb().auditEvent.findMany({ where: { action: "auth_link.send" }, orderBy: { createdAt: "asc" } });
  return rows
    .map((r) => ({
      result: r.result,
      actorEmail: r.actorEmail,
      subjectEmail: r.subjectEmail,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }))
    .filter((r) => r.details.linkId === linkId);
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address));

test("the message reaches the account's address in its language, with text and HTML parts, and its link works", async () => {
  const { port, arrivals } = await startSmtp();
  await useMail(`smtp://127.0.0.1:${port}`);
  const { sendAuthLinkEmail } = await import("@/lib/auth-links/send-auth-link-email");
  const link = await newLink("nora@mail.test");

  assert.deepEqual(await sendAuthLinkEmail({ linkId: link.id, token: link.token }, admin), { sentTo: "nora@mail.test" });

  assert.equal(arrivals.length, 1);
  const [{ rcptTo, mail }] = arrivals;
  assert.deepEqual(rcptTo, ["nora@mail.test"]);
  assert.deepEqual(addresses(mail.to), ["nora@mail.test"]);
  assert.deepEqual(addresses(mail.from), ["it@mail-test.example"]);
  assert.equal(mail.from?.value[0].name, "Example IT");
  assert.equal(mail.subject, "Il tuo link di accesso per nora@mail.test");
  assert.ok(mail.text?.includes("Ciao Nora <Hire>,"));
  assert.ok(mail.text?.includes("Ada Admin ti ha inviato"));
  assert.ok(typeof mail.html === "string" && mail.html.includes("Ciao Nora &lt;Hire&gt;,"));
  assert.ok(mail.html.includes(`href="${link.url}"`));
  assert.ok(mail.text?.includes(link.url));

  // The new hire follows the link from the message.
  const token = /\/link\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")![1];
  const { openAuthLink } = await import("@/lib/auth-links/open-auth-link");
  const { redeemTemporaryAuthLink } = await import("@/lib/auth-links/redeem-auth-link");
  const opened = await openAuthLink(token, CLIENT);
  assert.equal(opened?.email, "nora@mail.test");
  assert.equal(opened?.linkId, link.id);
  const redeemed = await redeemTemporaryAuthLink(token, "a long and fresh passphrase 42", CLIENT);
  assert.equal(redeemed.stage, "ready");

  const audits = await sendAudits(link.id);
  assert.deepEqual(audits, [
    {
      result: "success",
      actorEmail: "ada@mail.test",
      subjectEmail: "nora@mail.test",
      details: { linkId: link.id, to: "nora@mail.test", via: "smtp" },
    },
  ]);
});

test("without a language of their own, the domain's default; without that, DEFAULT_LOCALE", async () => {
  const { port, arrivals } = await startSmtp();
  await useMail(`smtp://127.0.0.1:${port}`);
  const { sendAuthLinkEmail } = await import("@/lib/auth-links/send-auth-link-email");
  const german = await newLink("gert@de.mail.test", { permanent: true });
  await sendAuthLinkEmail({ linkId: german.id, token: german.token }, admin);
  const english = await newLink("ada@mail.test");
  await sendAuthLinkEmail({ linkId: english.id, token: english.token }, admin);

  assert.deepEqual(
    arrivals.map((a) => a.mail.subject),
    ["Ihr Anmeldelink für gert@de.mail.test", "Your sign-in link for ada@mail.test"],
  );
  assert.match(arrivals[0].mail.text ?? "", /Hallo gert@de\.mail\.test,[\s\S]*Dieser Link läuft nicht ab/);
});

for (const [name, handlers] of [
  ["refuses the recipient", { onRcptTo: (_a, _s, done) => done(Object.assign(new Error("No such mailbox"), { responseCode: 550 })) }],
  ["refuses the message", { onData: (stream, _s, done) => stream.on("end", () => done(new Error("Message rejected"))).resume() }],
] as [string, Partial<SMTPServerOptions>][]) {
  test(`a server that ${name}: mail_failed, a failure row in the audit, and the link still works`, async () => {
    const { port, arrivals } = await startSmtp(handlers);
    await useMail(`smtp://127.0.0.1:${port}`);
    const { sendAuthLinkEmail } = await import("@/lib/auth-links/send-auth-link-email");
    const link = await newLink("nora@mail.test");

    await assert.rejects(sendAuthLinkEmail({ linkId: link.id, token: link.token }, admin), {
      code: "mail_failed",
      message: "The message could not be sent. The link still works: copy it and send it another way, or try again later.",
    });
    assert.equal(arrivals.length, 0);
    assert.deepEqual(
      (await sendAudits(link.id)).map((a) => [a.result, a.details.to]),
      [["failure", "nora@mail.test"]],
    );
    const { openAuthLink } = await import("@/lib/auth-links/open-auth-link");
    assert.equal((await openAuthLink(link.token, CLIENT))?.linkId, link.id);
  });
}

test("a closed port fails at once with mail_failed, audited, and the link still works", async () => {
  await useMail(`smtp://127.0.0.1:${await closedPort()}`);
  const { sendAuthLinkEmail } = await import("@/lib/auth-links/send-auth-link-email");
  const link = await newLink("nora@mail.test");
  await assert.rejects(sendAuthLinkEmail({ linkId: link.id, token: link.token }, admin), { code: "mail_failed" });
  assert.deepEqual(
    (await sendAudits(link.id)).map((a) => a.result),
    ["failure"],
  );
  const { openAuthLink } = await import("@/lib/auth-links/open-auth-link");
  assert.equal((await openAuthLink(link.token, CLIENT))?.linkId, link.id);
});

test("a token that is not this link's, or a link no longer pending, is refused the same way and nothing is sent", async () => {
  const { port, arrivals } = await startSmtp();
  await useMail(`smtp://127.0.0.1:${port}`);
  const { sendAuthLinkEmail } = await import("@/lib/auth-links/send-auth-link-email");
  const { authLinkMailto } = await import("@/lib/auth-links/auth-link-mailto");
  const { revokeAuthLinks } = await import("@/lib/auth-links/revoke-auth-links");
  const mine = await newLink("gert@de.mail.test");
  const other = await newLink("nora@mail.test");
  const refusal = {
    code: "not_found",
    message: "This link cannot be sent: it was used, revoked or has expired, or the account is not active.",
  };

  for (const token of [other.token, mine.token.slice(0, -1) + (mine.token.endsWith("A") ? "B" : "A"), "", "x".repeat(5000)]) {
    await assert.rejects(sendAuthLinkEmail({ linkId: mine.id, token }, admin), refusal);
    await assert.rejects(authLinkMailto({ linkId: mine.id, token }, admin), refusal);
  }
  await assert.rejects(sendAuthLinkEmail({ linkId: "no-such-link", token: mine.token }, admin), refusal);
  // Expired (clock injected), then revoked.
  await assert.rejects(sendAuthLinkEmail({ linkId: mine.id, token: mine.token }, admin, new Date(Date.now() + 13 * 3600_000)), refusal);
  const { findUser } = await import("@/lib/users/find-user");
  await revokeAuthLinks((await findUser("gert@de.mail.test")).id, mine.id, admin);
  await assert.rejects(sendAuthLinkEmail({ linkId: mine.id, token: mine.token }, admin), refusal);

  assert.equal(arrivals.length, 0);
  const denied = await sendAudits(mine.id);
  assert.ok(denied.length >= 9 && denied.every((a) => a.result === "denied"));
  assert.ok(denied.every((a) => !JSON.stringify(a).includes(mine.token)));
});

test("without SMTP_URL: sending says mail is not set up, and the mailto: href carries the address, subject and text", async () => {
  await useMail(undefined);
  const { sendAuthLinkEmail } = await import("@/lib/auth-links/send-auth-link-email");
  const { authLinkMailto } = await import("@/lib/auth-links/auth-link-mailto");
  const { mailConfigured } = await import("@/lib/mail/mail-transport");
  assert.equal(mailConfigured(), false);
  const link = await newLink("nora@mail.test");
  await assert.rejects(sendAuthLinkEmail({ linkId: link.id, token: link.token }, admin), { code: "mail_not_configured" });
  assert.deepEqual(await sendAudits(link.id), []);

  const { href } = await authLinkMailto({ linkId: link.id, token: link.token }, admin);
  const [target, query] = href.split("?");
  assert.equal(target, "mailto:nora@mail.test");
  const fields = Object.fromEntries(
    query.split("&").map((f) => [f.slice(0, f.indexOf("=")), decodeURIComponent(f.slice(f.indexOf("=") + 1))]),
  );
  assert.equal(fields.subject, "Il tuo link di accesso per nora@mail.test");
  assert.match(fields.body, /^Ciao Nora <Hire>,\r\n\r\nAda Admin ti ha inviato/);
  assert.ok(fields.body.includes(`\r\n${link.url}\r\n`));
  assert.deepEqual(await sendAudits(link.id), [], "a prepared mailto: is no send");
  const { getDb } = await import("@/lib/db/client");
  const prepared = await getDb().auditEvent.findMany({ where: { action: "auth_link.mailto" } });
  assert.deepEqual(
    prepared.map((a) => JSON.parse(a.details)),
    [{ linkId: link.id, to: "nora@mail.test" }],
  );
});
