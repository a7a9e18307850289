// The policy CLI as an operator runs it: a real `gatehouse` process against a fresh data dir.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-policy-cli-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function gatehouse(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "gatehouse.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn", AUTH_SECRET: "cli-test-secret-".padEnd(48, "x") },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T = Record<string, unknown>>(...args: string[]): T {
  const r = gatehouse(...args, "--json");
  assert.equal(r.code, 0, `gatehouse ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

type Entry = {
  service: string;
  explicit: null | { twoFactorPolicy: number; trustedIpRanges: string[]; ipCanChange: boolean };
  applies: { twoFactorPolicy: number; trustedIpRanges: string[]; ipCanChange: boolean; source: string };
};
type List = { scope: string; domain: string | null; policies: Entry[] };

test("set then list round-trips in Carbonio syntax; the domain overrides global", () => {
  assert.equal(gatehouse("domain", "create", "example.com").code, 0);
  assert.equal(gatehouse("domain", "create", "other.org").code, 0);

  const set = gatehouse(
    "auth",
    "policy",
    "set",
    "imap",
    "global",
    "2fa_policy",
    "1",
    "trusted_ip_range",
    "10.0.0.0/8, 2001:DB8::/32",
    "ip_can_change",
    "false",
  );
  assert.equal(set.code, 0, set.stderr);
  assert.match(
    set.stdout,
    /^IMAP policy, global: 2fa_policy 1 \(Required; trusted IP ranges skip it\) \| trusted_ip_range 10\.0\.0\.0\/8,2001:db8::\/32 \| ip_can_change false$/m,
  );

  const domainSet = json("auth", "policy", "set", "WebUI", "domain", "Example.com", "2FA_POLICY", "2");
  assert.deepEqual(domainSet, {
    service: "WebUI",
    scope: "domain",
    domain: "example.com",
    twoFactorPolicy: 2,
    trustedIpRanges: [],
    ipCanChange: true,
  });
  // Flags work as well as Carbonio's words.
  json("auth", "policy", "set", "IMAP", "--domain", "example.com", "--2fa-policy", "0");

  const list = json<List>("auth", "policy", "list", "domain", "example.com");
  assert.equal(list.domain, "example.com");
  assert.equal(list.policies.length, 10);
  const byService = Object.fromEntries(list.policies.map((p) => [p.service, p]));
  assert.deepEqual(byService.WebUI.applies, { twoFactorPolicy: 2, trustedIpRanges: [], ipCanChange: true, source: "domain" });
  assert.deepEqual(byService.IMAP.explicit, { twoFactorPolicy: 0, trustedIpRanges: ["10.0.0.0/8", "2001:db8::/32"], ipCanChange: false });
  assert.equal(byService.POP3.applies.source, "default");

  const other = json<List>("auth", "policy", "list", "domain", "other.org", "service", "imap");
  assert.deepEqual(other.policies, [
    {
      service: "IMAP",
      explicit: null,
      applies: { twoFactorPolicy: 1, trustedIpRanges: ["10.0.0.0/8", "2001:db8::/32"], ipCanChange: false, source: "global" },
    },
  ]);

  const text = gatehouse("auth", "policy", "list", "global", "service", "IMAP");
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^2FA policies, global:/);
  assert.match(text.stdout, /^IMAP\s+1\s+10\.0\.0\.0\/8,2001:db8::\/32\s+false\s+set here\s+Required; trusted IP ranges skip it$/m);

  const cleared = json("auth", "policy", "delete", "webui", "domain", "example.com");
  assert.deepEqual(cleared, { service: "WebUI", scope: "example.com", removed: true });
  const after = json<List>("auth", "policy", "list", "domain", "example.com", "service", "WebUI");
  assert.equal(after.policies[0].applies.source, "default");
});

test("bad input: a usage mistake exits 2, a bad value exits 1, and neither changes anything", () => {
  const before = gatehouse("auth", "policy", "list", "global", "--json").stdout;
  const cases: [string[], number, RegExp][] = [
    [
      ["auth", "policy", "set", "Telnet", "global", "2fa_policy", "1"],
      1,
      /Unknown service "Telnet"\. Valid services: WebUI, WebAdminUI, EAS, MobileApp, DesktopApp, DAV, IMAP, POP3, SMTP, CLI\./,
    ],
    [["auth", "policy", "set", "IMAP", "global", "2fa_policy", "3"], 1, /2fa_policy must be 0, 1 or 2/],
    [
      ["auth", "policy", "set", "IMAP", "global", "trusted_ip_range", "10.0.0.0/8,192.168.1.1/24"],
      1,
      /Invalid IP range "192\.168\.1\.1\/24": host bits are set/,
    ],
    [["auth", "policy", "set", "IMAP", "global", "trusted_ip_range", "not-an-ip"], 1, /Invalid IP range "not-an-ip"/],
    [["auth", "policy", "set", "IMAP", "domain", "missing.example", "2fa_policy", "1"], 1, /The domain missing\.example does not exist\./],
    [["auth", "policy", "set", "IMAP", "global"], 1, /Nothing to change/],
    [["auth", "policy", "set", "IMAP", "2fa_policy", "1"], 2, /Say domain <name> or global\./],
    [["auth", "policy", "set", "IMAP", "domain", "2fa_policy", "1"], 2, /domain needs a domain name\./],
    [["auth", "policy", "set", "IMAP", "everywhere", "2fa_policy", "1"], 2, /not "everywhere"/],
    [["auth", "policy", "set", "IMAP", "global", "2fa_policy", "two"], 2, /2fa_policy must be a whole number/],
    [["auth", "policy", "set", "IMAP", "global", "ip_can_change", "maybe"], 2, /ip_can_change must be true or false/],
    [["auth", "policy", "list", "global", "service", "gopher"], 1, /Unknown service "gopher"/],
    [["auth", "policy", "trustedDevice", "setExpiration", "0"], 1, /from 1 to 365/],
    [["auth", "policy", "trustedDevice", "setExpiration", "days", "366"], 1, /from 1 to 365/],
    [["auth", "policy", "trustedDevice", "setExpiration", "ten"], 2, /whole number/],
    [["auth", "twoFactor", "require", "nobody@example.com"], 1, /User not found/],
    [["auth", "twoFactor", "require", "domain", "example.com", "true", "grace_days", "91"], 1, /from 0 to 90/],
  ];
  for (const [args, code, message] of cases) {
    const r = gatehouse(...args);
    assert.equal(r.code, code, `${args.join(" ")} → ${r.code}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(" "));
    assert.match(r.stderr.split("\n")[0], /^gatehouse: /);
  }
  // --json failures print a machine-readable error too.
  const bad = gatehouse("auth", "policy", "set", "IMAP", "global", "2fa_policy", "7", "--json");
  assert.equal(JSON.parse(bad.stdout).error.code, "invalid_input");
  assert.equal(gatehouse("auth", "policy", "list", "global", "--json").stdout, before);
  assert.deepEqual(json("auth", "policy", "trustedDevice", "getExpiration"), { days: 30 });
});

test("trusted-device lifetime and 2FA requirement round-trip", () => {
  assert.deepEqual(json("auth", "policy", "trustedDevice", "setExpiration", "14"), { days: 14 });
  assert.deepEqual(json("auth", "policy", "trustedDevice", "setExpiration", "days", "90"), { days: 90 });
  const get = gatehouse("auth", "policy", "trustedDevice", "getExpiration");
  assert.equal(get.stdout.trim(), "trusted devices expire after 90 day(s)");

  const created = gatehouse("user", "create", "dana@example.com", "--no-password");
  assert.equal(created.code, 0, created.stderr);
  const user = json<{ required: boolean; userRequires: boolean; graceEndsAt: string; inGrace: boolean; graceDays: number }>(
    "auth",
    "twoFactor",
    "require",
    "dana@example.com",
  );
  assert.equal(user.required, true);
  assert.equal(user.userRequires, true);
  assert.equal(user.inGrace, true);
  const days = (Date.parse(user.graceEndsAt) - Date.now()) / 86_400_000;
  assert.ok(days > 6.9 && days <= 7, `default grace is 7 days, got ${days}`);

  const domain = json("auth", "twoFactor", "require", "domain", "example.com", "true", "grace_days", "21");
  assert.deepEqual(domain, { kind: "domain", domain: "example.com", required: true, graceDays: 21, userCount: 1, usersWithoutDevice: 1 });
  const off = gatehouse("auth", "twoFactor", "require", "dana@example.com", "false");
  assert.equal(off.code, 0, off.stderr);
  assert.match(off.stdout, /^dana@example\.com: 2FA required for domain example\.com; enrolment grace until \d{4}-/);
  const domainOff = gatehouse("auth", "twoFactor", "require", "domain", "example.com", "false");
  assert.match(domainOff.stdout, /^domain example\.com: 2FA not required for every account; grace 21 day\(s\)/);
  assert.equal(gatehouse("auth", "twoFactor", "status", "dana@example.com").stdout.trim(), "dana@example.com: 2FA not required");
  const misuse = gatehouse("auth", "twoFactor", "require", "dana@example.com", "true", "grace_days", "3");
  assert.equal(misuse.code, 2);
  assert.match(misuse.stderr, /grace_days applies to a domain/);
});
