import { test } from "node:test";
import assert from "node:assert/strict";
import { freshDataDir, gatehouse, startServer } from "./support";

const dataDir = freshDataDir();
const run = (args: string[], stdin?: string) => gatehouse(args, { dataDir, stdin });

test("user and domain commands round-trip, with --json everywhere", () => {
  const admin = run(["user", "create", "root@ops.test", "--admin", "--password-stdin", "--json"], "a long operator passphrase\n");
  assert.equal(admin.code, 0, admin.stderr);
  assert.equal(JSON.parse(admin.stdout).role, "admin");
  assert.doesNotMatch(admin.stdout, /passphrase|argon2/, "no secret in the output");

  const created = run(["user", "create", "ann@ops.test", "name", "Ann Ops", "--password-stdin"], "another long passphrase\n");
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /created ann@ops\.test/);

  const list = JSON.parse(run(["user", "list", "--json"]).stdout);
  assert.deepEqual(list.users.map((u: { email: string }) => u.email).sort(), ["ann@ops.test", "root@ops.test"]);
  assert.equal(JSON.parse(run(["user", "get", "ANN@ops.test", "--json"]).stdout).displayName, "Ann Ops");

  assert.equal(JSON.parse(run(["user", "disable", "ann@ops.test", "--json"]).stdout).status, "disabled");
  assert.equal(JSON.parse(run(["user", "enable", "ann@ops.test", "--json"]).stdout).status, "active");
  assert.equal(run(["user", "set-password", "ann@ops.test", "--password-stdin"], "a third long passphrase\n").code, 0);

  const domains = JSON.parse(run(["domain", "list", "--json"]).stdout);
  assert.deepEqual(
    domains.map((d: { name: string; userCount: number }) => [d.name, d.userCount]),
    [["ops.test", 2]],
  );
  assert.equal(run(["domain", "create", "empty.test"]).code, 0);
  assert.equal(run(["domain", "delete", "ops.test"]).code, 1, "a domain with users is not deleted");
  assert.equal(run(["domain", "delete", "empty.test"]).code, 0);

  assert.equal(run(["user", "delete", "ann@ops.test"]).code, 0);
  assert.equal(run(["user", "get", "ann@ops.test"]).code, 1);
});

test("an unknown user exits 1 with one line; bad arguments exit 2 with usage", () => {
  const unknown = run(["user", "get", "nobody@ops.test"]);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr.trim().split("\n").length, 1);
  assert.match(unknown.stderr, /not found/);

  const missing = run(["user", "create"]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /usage: gatehouse user create/);
  assert.equal(run(["user", "frobnicate"]).code, 2);
  assert.equal(run(["user", "create", "not-an-address", "--no-password"]).code, 2);
  assert.equal(run(["user", "create", "x@ops.test", "--password-stdin", "--bogus"], "whatever long enough\n").code, 2);
});

test("refused changes write nothing", () => {
  const weak = run(["user", "create", "weak@ops.test", "--password-stdin"], "password1\n");
  assert.equal(weak.code, 1);
  assert.match(weak.stderr, /at least 15|too common/);
  assert.equal(run(["user", "get", "weak@ops.test"]).code, 1);
  const noDomain = run(["user", "create", "x@elsewhere.test", "--no-password"]);
  assert.equal(noDomain.code, 1);
  assert.match(noDomain.stderr, /does not exist/);
});

test("start-up: an invalid setting or an unreachable database is one clear line and a non-zero exit", () => {
  const badPort = startServer({ DATA_DIR: dataDir, PORT: "99999" });
  assert.notEqual(badPort.code, 0);
  assert.equal(badPort.stderr.trim(), "gatehouse: invalid setting PORT: Too big: expected number to be <=65535");
  const noDb = startServer({ DATA_DIR: dataDir, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
  assert.notEqual(noDb.code, 0);
  const lines = noDb.stderr.trim().split("\n");
  assert.equal(lines.length, 1, noDb.stderr);
  assert.match(lines[0], /^gatehouse: cannot use the database at postgresql:\/\/nobody@127\.0\.0\.1:1\/none: /);
});
