// `gatehouse auth link create … send true` as an operator runs it, against a real SMTP server on a
// loopback port. The CLI runs as a child process with an asynchronous spawn, so this process's
// SMTP server can answer while it waits.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { freshDataDir, gatehouse as runSync, startServer } from "./support";
import { startSmtpReceiver, type SmtpReceiver } from "../smtp-receiver";

const dataDir = freshDataDir();
const env = { PUBLIC_URL: "https://auth.send.test", AUTH_SECRET: "auth-link-send-cli-test-secret-".padEnd(48, "x") };
const receivers: SmtpReceiver[] = [];
after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

function gatehouse(args: string[], mailEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, "..", "..", "bin", "gatehouse.mjs"), ...args], {
    env: { ...process.env, DATABASE_URL: "", SMTP_URL: "", MAIL_FROM: "", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env, ...mailEnv },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

const links = async (account: string) =>
  JSON.parse((await gatehouse(["auth", "link", "list", account, "--json"])).stdout).links as { state: string }[];

test("send true without SMTP_URL and MAIL_FROM: one line, exit 2, and no link", async () => {
  assert.equal(runSync(["user", "create", "nora@send.test", "--no-password", "--create-domain"], { dataDir, env }).code, 0);
  const r = await gatehouse(["auth", "link", "create", "nora@send.test", "send", "true"]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^gatehouse: send true needs outgoing mail: set SMTP_URL and MAIL_FROM[^\n]*\n$/, "one line");
  assert.equal(r.stdout, "");
  assert.deepEqual(await links("nora@send.test"), []);
});

test("send true mails the new link to the account, and says so", async () => {
  const smtp = await startSmtpReceiver();
  receivers.push(smtp);
  const { arrivals } = smtp;
  const mail = { SMTP_URL: smtp.url, MAIL_FROM: "IT <it@send.test>" };
  const r = await gatehouse(["auth", "link", "create", "nora@send.test", "send", "true", "--json"], mail);
  assert.equal(r.code, 0, r.stderr);
  const created = JSON.parse(r.stdout) as { url: string; sentTo: string };
  assert.equal(created.sentTo, "nora@send.test");
  assert.equal(arrivals.length, 1);
  assert.deepEqual(arrivals[0].rcptTo, ["nora@send.test"]);
  assert.equal(arrivals[0].mail.subject, "Your sign-in link for nora@send.test");
  assert.ok(arrivals[0].mail.text?.includes(created.url) && created.url.startsWith("https://auth.send.test/link/"));
  assert.match(arrivals[0].mail.text ?? "", /An administrator sent you a link/);

  const text = await gatehouse(["auth", "link", "create", "nora@send.test", "send", "true"], mail);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^https:\/\/auth\.send\.test\/link\/\S+\n[\s\S]*sent to nora@send\.test/);
  assert.equal(arrivals.length, 2);
});

test("a send that fails still prints the URL of the link, which stays pending, and names the failure", async () => {
  const closed = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const { port } = closed.server.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(resolve));

  const r = await gatehouse(["auth", "link", "create", "nora@send.test", "send", "true"], {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: "it@send.test",
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^https:\/\/auth\.send\.test\/link\/\S+\n[\s\S]*not sent: The message could not be sent\. The link still works/);
  assert.equal((await links("nora@send.test")).filter((l) => l.state === "pending").length, 1);
});

test("the start stops with one line when only one of SMTP_URL and MAIL_FROM is set, or SMTP_URL is not one, and never shows its password", () => {
  const onlyUrl = startServer({ DATA_DIR: dataDir, SMTP_URL: "smtp://relay:hunter2@mx.send.test:587", MAIL_FROM: "" });
  assert.notEqual(onlyUrl.code, 0);
  assert.equal(
    onlyUrl.stderr.trim(),
    "gatehouse: invalid setting MAIL_FROM: must be set together with SMTP_URL (set both to send mail, or neither)",
  );
  const badUrl = startServer({ DATA_DIR: dataDir, SMTP_URL: "smtp://relay:hunter2@mx.send.test:587/x", MAIL_FROM: "it@send.test" });
  assert.notEqual(badUrl.code, 0);
  assert.match(
    badUrl.stderr.trim(),
    /^gatehouse: invalid setting SMTP_URL: must be smtp:\/\/\[user:password@\]host\[:port\] or smtps:\/\/… \(nothing after the port\)$/,
  );
  for (const r of [onlyUrl, badUrl]) assert.doesNotMatch(r.stdout + r.stderr, /hunter2/);
});
