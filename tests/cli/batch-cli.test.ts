import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { freshDataDir, gatehouse } from "./support";

// `gatehouse -f FILE`: many commands in one process, one result a line, the first failure named.

const BATCH = `# accounts for the new office
domain create batch.test
user create ann@batch.test --no-password --name "Ann O'Neill"
user create ann@batch.test --no-password
user create 'bob@batch.test' --no-password
user list; rm -rf /
user create cy@batch.test --no-password
`;

test("a batch file runs every line in one process; --json gives one object a line; the exit code is the first failure's", () => {
  const dataDir = freshDataDir();
  const file = path.join(dataDir, "batch.txt");
  writeFileSync(file, BATCH);
  const r = gatehouse(["-f", file, "--json"], { dataDir });
  const lines = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { line: number; ok: boolean; exitCode?: number; error?: { code: string } });
  assert.deepEqual(
    lines.map((l) => [l.line, l.ok, l.exitCode ?? 0, l.error?.code ?? null]),
    [
      [2, true, 0, null],
      [3, true, 0, null],
      [4, false, 1, "conflict"],
      [5, true, 0, null],
      [6, false, 2, "usage"],
      [7, true, 0, null],
    ],
  );
  assert.equal(r.code, 1, "the first failing line (4) failed with 1");
  assert.match(r.stderr, /the first to fail was on line 4/);
  const list = gatehouse(["user", "list", "--json"], { dataDir });
  const emails = (JSON.parse(list.stdout) as { users: { email: string; displayName: string }[] }).users.map((u) => [
    u.email,
    u.displayName,
  ]);
  assert.deepEqual(emails.sort(), [
    ["ann@batch.test", "Ann O'Neill"],
    ["bob@batch.test", ""],
    ["cy@batch.test", ""],
  ]);
});

test("--stop-on-error stops at the first failure; - reads the batch from standard input; text mode names the line", () => {
  const dataDir = freshDataDir();
  const r = gatehouse(["-f", "-", "--stop-on-error"], {
    dataDir,
    stdin: "domain create stop.test\ndomain create stop.test\nuser create late@stop.test --no-password\n",
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /line 2: .*exists/i);
  assert.match(r.stderr, /2 commands run; the first to fail was on line 2/);
  const users = JSON.parse(gatehouse(["user", "list", "--json"], { dataDir }).stdout) as { users: unknown[] };
  assert.equal(users.users.length, 0, "line 3 never ran");
  const bad = gatehouse(["-f"], { dataDir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /usage: gatehouse -f FILE\|- \[--json\] \[--stop-on-error\]/);
});
