// `gatehouse gate` as an operator runs it: the gate alone, from the installed command, answering
// nginx on GATE_PORT until SIGTERM, then flushing the credentials' last use and exiting 0.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { freshDataDir, gatehouse as run } from "./support";
import { askGate, authHttpHeaders } from "../gate-client";

const dataDir = freshDataDir();
after(() => rmSync(dataDir, { recursive: true, force: true }));
const GATE_SECRET = "gate-cli-test-secret-".padEnd(40, "g");
const GATE_PORT = 17301;
const env = {
  AUTH_SECRET: "gate-cli-test-auth-secret-".padEnd(48, "x"),
  GATE_SECRET,
  GATE_PORT: String(GATE_PORT),
  GATE_HOST: "127.0.0.1",
  GATE_IMAP_BACKEND: "127.0.0.1:17302",
};

/** Lines the process printed, and a way to wait (bounded) for one matching. */
function lines(stream: NodeJS.ReadableStream) {
  let text = "";
  const waiters: (() => void)[] = [];
  stream.on("data", (c) => {
    text += String(c);
    waiters.splice(0).forEach((w) => w());
  });
  return {
    get text() {
      return text;
    },
    waitFor(pattern: RegExp, ms = 30_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; got: ${text}`)), ms);
        const check = () => (pattern.test(text) ? (clearTimeout(timer), resolve()) : waiters.push(check));
        check();
      });
    },
  };
}

test("gatehouse gate answers auth_http alone and stops cleanly on SIGTERM, writing the last use", async () => {
  assert.equal(run(["user", "create", "gatecli@cli.test", "--no-password", "--create-domain"], { dataDir, env }).code, 0);
  const added = run(["auth", "credential", "add", "gatecli@cli.test", "label", "Mail", "service", "imap", "--json"], { dataDir, env });
  assert.equal(added.code, 0, added.stderr);
  const password = JSON.parse(added.stdout).text_data.password as string;

  const child = spawn(process.execPath, [path.join(__dirname, "..", "..", "bin", "gatehouse.mjs"), "gate"], {
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = lines(child.stdout!);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    await out.waitFor(/gate on http:\/\/127\.0\.0\.1:17301/);
    const ok = await askGate(
      GATE_PORT,
      "/auth",
      authHttpHeaders(GATE_SECRET, { user: "gatecli@cli.test", pass: password, protocol: "imap", ip: "192.0.2.44" }),
    );
    assert.equal(ok.headers["auth-status"], "OK");
    assert.equal(ok.headers["auth-server"], "127.0.0.1");
    assert.equal(ok.headers["auth-port"], "17302");
    const no = await askGate(
      GATE_PORT,
      "/auth",
      authHttpHeaders(GATE_SECRET, { user: "gatecli@cli.test", pass: password, protocol: "smtp" }),
    );
    assert.equal(no.headers["auth-error-code"], "535 5.7.8 Authentication credentials invalid");
    assert.equal((await askGate(GATE_PORT, "/health", [])).status, 200);
  } finally {
    child.kill("SIGTERM");
  }
  assert.equal(await exited, 0);
  assert.match(out.text, /gate stopped \(SIGTERM\)/);
  const listed = run(["auth", "credential", "list", "gatecli@cli.test", "--json"], { dataDir, env });
  assert.match(listed.stdout, /"lastUsedAt": "\d{4}-/, "the last use was flushed at shutdown");
});

test("gatehouse gate refuses an invalid backend setting with one clear line", () => {
  const r = run(["gate"], { dataDir, env: { ...env, GATE_SMTP_BACKEND: "mail.example.org:587" } });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^gatehouse: invalid setting GATE_SMTP_BACKEND: "mail\.example\.org:587" is not ip:port\n$/);
});
