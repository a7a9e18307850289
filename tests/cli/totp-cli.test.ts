// Round trip through the real CLI binary: `auth totp generate|list|delete` and
// `auth trustedDevice list|delete`, against a throwaway SQLite data directory.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-cli-totp-"));
// This process opens the same database to check that what the CLI made really works.
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL = "warn";
delete process.env.DATABASE_URL;
delete process.env.AUTH_SECRET;

const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" };
const ACCOUNT = "totp-cli@example.com";

function cli(args: string[], input = "") {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "gatehouse.mjs"), ...args], {
    cwd: root,
    env,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}
function cliJson<T>(args: string[]): T {
  const r = cli([...args, "--json"]);
  assert.equal(r.code, 0, `${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

type Generated = {
  account: string;
  deviceId: string;
  uri: string;
  secret: string;
  recoveryCodes: string[];
  options: { algorithm: string; digits: number; period: number };
};
type Listed = {
  devices: Array<{ id: string; label: string; enabled: boolean; failedAttempts: number }>;
  recoveryCodes: { total: number; unused: number };
};

after(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

test("totp generate → list → delete round trip; the printed secret and codes really work", async () => {
  assert.equal(cli(["user", "create", ACCOUNT, "--password-stdin", "--create-domain"], "plenty long passphrase 42\n").code, 0);

  // Carbonio-style key/value arguments; the human output shows URI, secret and codes once.
  const text = cli([
    "auth",
    "totp",
    "generate",
    ACCOUNT,
    "algorithm",
    "SHA256",
    "digits_length",
    "8",
    "period",
    "60",
    "static_code",
    "5",
    "label_prefix",
    "Acme",
  ]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    /^uri: otpauth:\/\/totp\/Acme:totp-cli%40example\.com\?secret=[A-Z2-7]{32}&issuer=Acme&algorithm=SHA256&digits=8&period=60$/m,
  );
  assert.match(text.stdout, /^secret: [A-Z2-7]{32}$/m);
  assert.equal(text.stdout.match(/^ {2}[0-9a-z]{5}-[0-9a-z]{5}$/gm)?.length, 5);

  const gen = cliJson<Generated>(["auth", "totp", "generate", ACCOUNT]);
  assert.match(
    gen.uri,
    /^otpauth:\/\/totp\/Gatehouse:totp-cli%40example\.com\?secret=[A-Z2-7]+&issuer=Gatehouse&algorithm=SHA1&digits=6&period=30$/,
  );
  assert.equal(gen.recoveryCodes.length, 12, "static_code defaults to 12, replacing the earlier 5");

  const listed = cliJson<Listed>(["auth", "totp", "list", ACCOUNT]);
  assert.equal(listed.devices.length, 2);
  assert.ok(
    listed.devices.every((d) => d.enabled),
    "admin-provisioned devices are enabled at once",
  );
  assert.deepEqual(listed.recoveryCodes, { total: 12, unused: 12 });
  assert.ok(!JSON.stringify(listed).includes(gen.secret), "list never shows a secret");

  const { verifySecondFactor } = await import("@/lib/two-factor/devices/verify-second-factor");
  const { computeTotp } = await import("@/lib/two-factor/devices/totp-code");
  const { findUser } = await import("@/lib/users/find-user");
  const user = await findUser(ACCOUNT);
  const actor = { email: "test-runner" };
  const now = Date.now();
  assert.deepEqual(await verifySecondFactor(user.id, computeTotp(gen.secret, gen.options as never, now), actor, new Date(now)), {
    ok: true,
    method: "totp",
  });
  assert.deepEqual(await verifySecondFactor(user.id, gen.recoveryCodes[0], actor), { ok: true, method: "recovery" });

  const first = listed.devices.find((d) => d.id !== gen.deviceId)!;
  const del = cli(["auth", "totp", "delete", ACCOUNT, first.id]);
  assert.equal(del.code, 0, del.stderr);
  assert.match(del.stdout, /deleted TOTP device "Acme"/);
  const last = cliJson<{ recoveryCodesDeleted: number }>(["auth", "totp", "delete", ACCOUNT, gen.deviceId]);
  assert.equal(last.recoveryCodesDeleted, 12, "the last device takes the recovery codes with it");
  assert.deepEqual(cliJson<Listed>(["auth", "totp", "list", ACCOUNT]), {
    account: ACCOUNT,
    devices: [],
    recoveryCodes: { total: 0, unused: 0 },
  });
});

test("bad totp arguments fail with one clear line and the right exit code", () => {
  const digits = cli(["auth", "totp", "generate", ACCOUNT, "digits_length", "10"]);
  assert.equal(digits.code, 1);
  assert.match(digits.stderr, /Digits must be 6 or 8/);
  assert.equal(cli(["auth", "totp", "generate", ACCOUNT, "static_code", "13"]).code, 1);
  const nobody = cli(["auth", "totp", "list", "nobody@example.com"]);
  assert.equal(nobody.code, 1);
  assert.match(nobody.stderr, /User not found/);
  assert.equal(cli(["auth", "totp", "delete", ACCOUNT, "no-such-device"]).code, 1);
  assert.equal(cli(["auth", "totp", "generate"]).code, 2, "missing account is a usage error");
  assert.equal(cli(["auth", "totp", "generate", ACCOUNT, "period", "soon"]).code, 2);
  assert.equal(cliJson<Listed>(["auth", "totp", "list", ACCOUNT]).devices.length, 0, "failed commands created nothing");
});

test("trustedDevice list and delete <id>|all", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { trustDevice } = await import("@/lib/trusted-devices/trust-device");
  const { findUser } = await import("@/lib/users/find-user");
  const user = await findUser(ACCOUNT);
  for (const [description, ip] of [
    ["Firefox on Linux", "192.0.2.1"],
    ["Safari on iPhone", "192.0.2.2"],
    ["Chrome on Windows", "192.0.2.3"],
  ]) {
    await getDb().$transaction((tx) => trustDevice(tx, { userId: user.id, description, ip, lifetimeDays: 30 }));
  }
  const text = cli(["auth", "trustedDevice", "list", ACCOUNT]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Safari on iPhone\s+192\.0\.2\.2/);

  type Devices = { devices: Array<{ id: string; description: string }> };
  const { devices } = cliJson<Devices>(["auth", "trustedDevice", "list", ACCOUNT]);
  assert.equal(devices.length, 3);
  const one = devices.find((d) => d.description === "Firefox on Linux")!;
  assert.deepEqual(cliJson(["auth", "trustedDevice", "delete", ACCOUNT, one.id]), { account: ACCOUNT, revoked: 1 });
  assert.equal(cli(["auth", "trustedDevice", "delete", ACCOUNT, one.id]).code, 1, "already gone");
  assert.deepEqual(
    cliJson<Devices>(["auth", "trustedDevice", "list", ACCOUNT])
      .devices.map((d) => d.description)
      .sort(),
    ["Chrome on Windows", "Safari on iPhone"],
  );
  assert.match(cli(["auth", "trustedDevice", "delete", ACCOUNT, "all"]).stdout, /2 trusted devices of totp-cli@example\.com deleted/);
  assert.deepEqual(cliJson<Devices>(["auth", "trustedDevice", "list", ACCOUNT]).devices, []);
});
