// `gatehouse auth twoFactor require|status admins`: the administrators' 2FA switch from a shell.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { freshDataDir, gatehouse } from "./support";

const dataDir = freshDataDir();
after(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { AUTH_SECRET: "cli-test-secret-".padEnd(48, "x") };
const run = (...args: string[]) => gatehouse(args, { dataDir, env, stdin: "a long operator passphrase\n" });

test("administrators need 2FA on a new installation; the switch turns it off and on, and status shows it", () => {
  const fresh = run("auth", "twoFactor", "status", "admins", "--json");
  assert.equal(fresh.code, 0, fresh.stderr);
  assert.deepEqual(JSON.parse(fresh.stdout), { kind: "admins", required: true, adminCount: 0, adminsWithoutDevice: 0 });

  assert.equal(run("user", "create", "root@ops.test", "--admin", "--password-stdin").code, 0);
  assert.equal(
    run("auth", "twoFactor", "status", "admins").stdout.trim(),
    "administrators: 2FA required; 1 of 1 administrator(s) have no device yet",
  );
  assert.match(
    run("auth", "twoFactor", "status", "root@ops.test").stdout,
    /^root@ops\.test: 2FA required for administrators; enrolment grace until \d{4}-/,
  );

  const off = run("auth", "twoFactor", "require", "admins", "false");
  assert.equal(off.code, 0, off.stderr);
  assert.equal(off.stdout.trim(), "administrators: 2FA not required; 1 of 1 administrator(s) have no device yet");
  assert.equal(run("auth", "twoFactor", "status", "root@ops.test").stdout.trim(), "root@ops.test: 2FA not required");
  assert.equal(JSON.parse(run("auth", "twoFactor", "status", "admins", "--json").stdout).required, false);

  const on = run("auth", "twoFactor", "require", "admins", "true", "--json");
  assert.equal(on.code, 0, on.stderr);
  assert.equal(JSON.parse(on.stdout).required, true);
  assert.equal(JSON.parse(run("auth", "twoFactor", "status", "root@ops.test", "--json").stdout).adminRequires, true);

  for (const [args, pattern] of [
    [["auth", "twoFactor", "require", "admins", "maybe"], /required must be true or false/],
    [["auth", "twoFactor", "require", "admins", "true", "grace_days", "3"], /grace_days applies to a domain/],
    [["auth", "twoFactor", "status", "admins", "extra"], /Unexpected argument/],
  ] as const) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
  }
  assert.equal(JSON.parse(run("auth", "twoFactor", "status", "admins", "--json").stdout).required, true, "refusals changed nothing");
});
