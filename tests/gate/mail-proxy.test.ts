// The gate behind the real proxy (issue 12): Debian's nginx with the mail module in front of
// Dovecot (IMAP, POP3, submission) and of two HTTP locations guarded by auth_request, with curl as
// the client. Everything on loopback ports (tests/gate/services.ts), configs in tests/gate/config.
import { after, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ACTOR, useTestDatabase } from "../db/support";
import { startSmtpReceiver, type SmtpReceiver } from "../smtp-receiver";
import { curl, integrationPorts, startMailStack, type MailStack } from "./services";

useTestDatabase();

const GATE_SECRET = "integration-gate-secret-".padEnd(40, "s");
const PASSWORD = "plenty long passphrase";
const ports = integrationPorts();
type Gate = import("@/gate/gate-server").Gate;

let gate: Gate;
let stack: MailStack;
let relay: SmtpReceiver;
const secrets: Record<string, string> = {};

let ready: Promise<void> | undefined;
const setUp = () => (ready ??= setUpOnce());
async function setUpOnce() {
  const { createGate } = await import("@/gate/gate-server");
  const { parseGateBackends } = await import("@/lib/gate/gate-backends");
  gate = createGate({
    gateSecret: GATE_SECRET,
    backends: parseGateBackends({
      GATE_IMAP_BACKEND: `127.0.0.1:${ports.dovecotImap}`,
      GATE_POP3_BACKEND: `127.0.0.1:${ports.dovecotPop3}`,
      GATE_SMTP_BACKEND: `127.0.0.1:${ports.dovecotSubmission}`,
    }),
  });
  await new Promise<void>((resolve, reject) => gate.server.once("error", reject).listen(ports.gate, "127.0.0.1", resolve));
  relay = await startSmtpReceiver();
  stack = await startMailStack({ gateSecret: GATE_SECRET, relayPort: relay.port });

  const { createUser } = await import("@/lib/users/create-user");
  const { createCredential } = await import("@/lib/credentials/create-credential");
  for (const name of ["ivy", "jack", "kim", "leo", "mia"]) {
    await createUser({ email: `${name}@proxy.test`, password: PASSWORD, createDomain: name === "ivy" }, ACTOR);
  }
  const make = async (key: string, account: string, services: string) => {
    secrets[key] = (await createCredential({ account, label: key, services }, ACTOR)).secret;
  };
  await make("ivyImap", "ivy@proxy.test", "imap");
  await make("jackSmtp", "jack@proxy.test", "smtp");
  await make("leoImap", "leo@proxy.test", "imap,pop3");
  await make("miaEas", "mia@proxy.test", "eas");
}
beforeEach(() => setUp());
after(async () => {
  await stack?.stop();
  await relay?.close();
  await gate?.close();
});

const imap = (user: string, pass: string) => curl([`imap://127.0.0.1:${ports.imap}/`, "--user", `${user}:${pass}`]);
const pop3 = (user: string, pass: string) => curl([`pop3://127.0.0.1:${ports.pop3}/`, "--user", `${user}:${pass}`]);
function smtpSend(user: string, pass: string, subject: string) {
  const message = `From: ${user}\r\nTo: someone@elsewhere.test\r\nSubject: ${subject}\r\n\r\nsent through the proxy\r\n`;
  return curl(
    [
      `smtp://127.0.0.1:${ports.smtp}`,
      "-v",
      "--user",
      `${user}:${pass}`,
      "--mail-from",
      user,
      "--mail-rcpt",
      "someone@elsewhere.test",
      "--upload-file",
      "-",
    ],
    message,
  );
}
const LOGIN_DENIED = 67; // curl: "the user name, password, or similar was not accepted"

test("an IMAP-scoped app password lists the mailbox over IMAP and is refused over SMTP (535 5.7.8)", async () => {
  const ok = await imap("ivy@proxy.test", secrets.ivyImap);
  assert.equal(ok.code, 0, `${ok.stderr}\n${stack.logs()}`);
  assert.match(ok.stdout, /INBOX/);
  const smtp = await smtpSend("ivy@proxy.test", secrets.ivyImap, "must not pass");
  assert.equal(smtp.code, LOGIN_DENIED, smtp.stderr);
  assert.match(smtp.stderr, /< 535 5\.7\.8 Authentication credentials invalid/);
});

test("an SMTP-only credential sends through submission and is refused over IMAP", async () => {
  const sent = await smtpSend("jack@proxy.test", secrets.jackSmtp, "through the gate");
  assert.equal(sent.code, 0, `${sent.stderr}\n${stack.logs()}`);
  const arrival = relay.arrivals.find((a) => a.mail.subject === "through the gate");
  assert.ok(arrival, "the message reached the relay behind Dovecot");
  assert.deepEqual(arrival.rcptTo, ["someone@elsewhere.test"]);
  assert.equal((await imap("jack@proxy.test", secrets.jackSmtp)).code, LOGIN_DENIED);
});

test("the main password passes IMAP under policy 0, is refused once IMAP requires 2FA, and passes from a trusted range", async () => {
  const { setPolicy } = await import("@/lib/two-factor/policies/set-policy");
  const { clearPolicy } = await import("@/lib/two-factor/policies/clear-policy");
  assert.equal((await imap("kim@proxy.test", PASSWORD)).code, 0);
  await setPolicy({ scope: "global" }, "IMAP", { twoFactorPolicy: 1, trustedIpRanges: "10.0.0.0/8" }, ACTOR);
  try {
    assert.equal((await imap("kim@proxy.test", PASSWORD)).code, LOGIN_DENIED, "mailcow's bug: refused at once");
    assert.equal((await pop3("kim@proxy.test", PASSWORD)).code, 0, "POP3 has no policy");
    await setPolicy({ scope: "global" }, "IMAP", { trustedIpRanges: "10.0.0.0/8,127.0.0.0/8" }, ACTOR);
    assert.equal((await imap("kim@proxy.test", PASSWORD)).code, 0, "the proxy's client address is in the trusted range");
  } finally {
    await clearPolicy({ scope: "global" }, "IMAP", ACTOR);
  }
});

test("a disabled credential is refused at the next login", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { updateCredential } = await import("@/lib/credentials/update-credential");
  assert.equal((await imap("leo@proxy.test", secrets.leoImap)).code, 0);
  assert.equal((await pop3("leo@proxy.test", secrets.leoImap)).code, 0);
  const row = await getDb().credential.findFirstOrThrow({ where: { label: "leoImap" }, select: { id: true, userId: true } });
  await updateCredential({ userId: row.userId, id: row.id }, { enabled: false }, ACTOR);
  assert.equal((await imap("leo@proxy.test", secrets.leoImap)).code, LOGIN_DENIED);
  assert.equal((await pop3("leo@proxy.test", secrets.leoImap)).code, LOGIN_DENIED);
});

test("a wrong password is held for the Auth-Wait before the refusal, and the account's failure count rises", async () => {
  const { getDb } = await import("@/lib/db/client");
  const count = async () => (await getDb().user.findUniqueOrThrow({ where: { email: "kim@proxy.test" } })).failedLoginCount;
  const before = await count();
  const wrong = await imap("kim@proxy.test", "certainly not the password");
  assert.equal(wrong.code, LOGIN_DENIED);
  assert.ok(wrong.ms >= 900, `nginx answered after ${wrong.ms} ms, before the 1 s Auth-Wait`);
  assert.equal(await count(), before + 1);
  assert.ok(gate.metrics.get("IMAP", "refused") >= 1);
});

test("auth_request: an EAS credential passes /Microsoft-Server-ActiveSync through nginx; the DAV-less one is refused for /dav/", async () => {
  const eas = await curl(["-i", "-u", `mia@proxy.test:${secrets.miaEas}`, `http://127.0.0.1:${ports.http}/Microsoft-Server-ActiveSync`]);
  assert.match(eas.stdout, /^HTTP\/1\.1 200/);
  assert.match(eas.stdout, /\r\nX-Gate-User: mia@proxy\.test\r\n/i);
  assert.match(eas.stdout, /backend reached/);
  const dav = await curl(["-i", "-u", `mia@proxy.test:${secrets.miaEas}`, `http://127.0.0.1:${ports.http}/dav/calendars/`]);
  assert.match(dav.stdout, /^HTTP\/1\.1 401/);
  assert.match(dav.stdout, /\r\nWWW-Authenticate: Basic realm="Gatehouse"/i);
  assert.doesNotMatch(dav.stdout, /backend reached/);
  const none = await curl(["-i", `http://127.0.0.1:${ports.http}/Microsoft-Server-ActiveSync`]);
  assert.match(none.stdout, /^HTTP\/1\.1 401/);
});
