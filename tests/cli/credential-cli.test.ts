// The credential CLI as an operator runs it: a real `gatehouse` process against a fresh data dir,
// in Carbonio's words and with flags, as text and as --json.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { freshDataDir, gatehouse as run } from "./support";

const dataDir = freshDataDir();
after(() => rmSync(dataDir, { recursive: true, force: true }));
const PUBLIC_URL = "https://mail.cli.test";
const env = { PUBLIC_URL, AUTH_SECRET: "credential-cli-test-secret-".padEnd(48, "x") };

function gatehouse(args: string[], stdin = "") {
  return run(args, { dataDir, stdin, env });
}

function json<T = Record<string, unknown>>(...args: string[]): T {
  const r = gatehouse([...args, "--json"]);
  assert.equal(r.code, 0, `gatehouse ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

type ListedCredential = {
  generated: number;
  created: number;
  label: string;
  id: string;
  services: string;
  hash: string;
  enabled: boolean;
  algorithm: string;
  status: string;
  expiresAt: string | null;
  allowedIpRanges: string[];
  lastUsedAt: string | null;
};
type Added = { list: ListedCredential; text_data: { auth_method: string; password: string; user: string }; qrcode?: unknown };

const JOHN = "john@cli.test";

test("add in Carbonio words prints the record and the password once; default service is EAS", () => {
  assert.equal(gatehouse(["user", "create", JOHN, "--no-password", "--create-domain"]).code, 0);
  const r = gatehouse(["auth", "credential", "add", JOHN, "label", "Smartphone"]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.match(
    lines[0],
    /^list: generated 1 \| created \d{13} \| label Smartphone \| id [0-9A-Za-z]{10} \| services EAS \| hash \S{12} \| enabled true \| algorithm SHA256 \| status active \| expires never \| ip_ranges any \| last_used never$/,
  );
  const password = /^text_data: auth_method password \| password (\S+) \| user john@cli\.test$/.exec(lines[1])?.[1];
  assert.ok(password && /^([0-9a-z]{4}-){6}[0-9a-z]{4}$/.test(password), lines[1]);

  const listed = gatehouse(["auth", "credential", "list", JOHN]);
  assert.equal(listed.code, 0);
  assert.ok(!listed.stdout.includes(password), "list never shows the password");
  assert.match(listed.stdout, /label Smartphone \| id \w+ \| services EAS/);
});

test("--json round trip: add with QR payload, list, update, delete", () => {
  const added = json<Added>("auth", "credential", "add", JOHN, "label", "Tablet", "service", "mobileapp,imap", "qrcode", "true");
  assert.equal(added.list.services, "MobileApp,IMAP", "canonical names in Carbonio's order");
  assert.equal(added.list.generated, 1);
  assert.equal(added.text_data.user, JOHN);
  assert.deepEqual(added.qrcode, {
    auth_method: "password",
    auth_payload: { user: JOHN, password: added.text_data.password },
    auth_endpoint: [{ url: PUBLIC_URL }],
  });

  const id = added.list.id;
  const list = json<{ account: string; list: ListedCredential[] }>("auth", "credential", "list", JOHN);
  assert.equal(list.account, JOHN);
  const entry = list.list.find((c) => c.id === id)!;
  assert.equal(entry.label, "Tablet");
  assert.equal(entry.hash, added.list.hash);
  assert.ok(!JSON.stringify(list).includes(added.text_data.password));

  // Carbonio words and flags mixed; the id is case-sensitive and passed through unchanged.
  const updated = json<{ list: ListedCredential }>(
    "auth",
    "credential",
    "update",
    JOHN,
    id,
    "label",
    "Old tablet",
    "enabled",
    "false",
    "--service",
    "imap",
    "--expires",
    "30d",
    "--ip-ranges",
    "192.0.2.0/24",
  );
  assert.equal(updated.list.label, "Old tablet");
  assert.equal(updated.list.enabled, false);
  assert.equal(updated.list.status, "disabled");
  assert.equal(updated.list.services, "IMAP");
  assert.deepEqual(updated.list.allowedIpRanges, ["192.0.2.0/24"]);
  assert.ok(updated.list.expiresAt && new Date(updated.list.expiresAt).getTime() > Date.now() + 29 * 24 * 3600 * 1000);

  const cleared = json<{ list: ListedCredential }>("auth", "credential", "update", JOHN, id, "expires", "never", "ip_ranges", "");
  assert.equal(cleared.list.expiresAt, null);
  assert.deepEqual(cleared.list.allowedIpRanges, []);

  const deleted = json<{ deleted: string; label: string }>("auth", "credential", "delete", JOHN, id);
  assert.deepEqual(deleted, { account: JOHN, deleted: id, label: "Old tablet" });
  assert.ok(!json<{ list: ListedCredential[] }>("auth", "credential", "list", JOHN).list.some((c) => c.id === id));
  const again = gatehouse(["auth", "credential", "delete", JOHN, id]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^gatehouse: Credential not found\.$/m);
});

test("a chosen password (password S or --password-stdin) is argon2id and policy-checked", () => {
  const chosen = json<Added>("auth", "credential", "add", JOHN, "password", "Pelican Harbour Lantern 9", "label", "Legacy EAS");
  assert.equal(chosen.list.generated, 0);
  assert.equal(chosen.list.algorithm, "ARGON2ID");
  assert.equal(chosen.text_data.password, "Pelican Harbour Lantern 9");
  const piped = gatehouse(
    ["auth", "credential", "add", JOHN, "--password-stdin", "--label", "Piped", "--json"],
    "Quartz Meadow Bicycle 12\n",
  );
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal((JSON.parse(piped.stdout) as Added).list.generated, 0);

  const weak = gatehouse(["auth", "credential", "add", JOHN, "password", "easpass"]);
  assert.equal(weak.code, 1);
  assert.match(weak.stderr, /at least 15 characters/);
});

test("bad input: clear one-line errors, exit codes, nothing written", () => {
  const before = json<{ list: ListedCredential[] }>("auth", "credential", "list", JOHN).list.length;
  const unknownService = gatehouse(["auth", "credential", "add", JOHN, "service", "imap,fax"]);
  assert.equal(unknownService.code, 1);
  assert.match(
    unknownService.stderr,
    /Unknown service "fax"\. Valid services: WebUI, WebAdminUI, EAS, MobileApp, DesktopApp, DAV, IMAP, POP3, SMTP, CLI\./,
  );
  const empty = gatehouse(["auth", "credential", "add", JOHN, "--service", ","]);
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /at least one service/);
  const longLabel = gatehouse(["auth", "credential", "add", JOHN, "label", "L".repeat(65)]);
  assert.equal(longLabel.code, 1);
  assert.match(longLabel.stderr, /at most 64 characters/);
  const past = gatehouse(["auth", "credential", "add", JOHN, "expires", "2001-01-01"]);
  assert.equal(past.code, 1);
  assert.match(past.stderr, /expiry must be in the future/);
  const nobody = gatehouse(["auth", "credential", "add", "nobody@cli.test", "--json"]);
  assert.equal(nobody.code, 1);
  assert.deepEqual(JSON.parse(nobody.stdout), { error: { code: "not_found", message: "User not found." } });
  const unknownId = gatehouse(["auth", "credential", "update", JOHN, "NoSuchId00", "label", "x"]);
  assert.equal(unknownId.code, 1);
  assert.match(unknownId.stderr, /Credential not found/);
  const usage = gatehouse(["auth", "credential", "update", JOHN]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Missing <id>/);
  assert.equal(json<{ list: ListedCredential[] }>("auth", "credential", "list", JOHN).list.length, before);
});

test("getServices lists Carbonio's names", () => {
  assert.deepEqual(json("auth", "getServices"), {
    services: ["WebUI", "WebAdminUI", "EAS", "MobileApp", "DesktopApp", "DAV", "IMAP", "POP3", "SMTP", "CLI"],
  });
  const text = gatehouse(["auth", "getservices"]);
  assert.equal(text.code, 0);
  assert.equal(text.stdout.trim().split("\n").length, 10);
});
