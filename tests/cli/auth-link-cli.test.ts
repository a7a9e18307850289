// The auth link CLI as an operator runs it: a real `gatehouse` process against a fresh data dir,
// in Carbonio's words and with flags, as text and as --json.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { freshDataDir, gatehouse as run } from "./support";

const dataDir = freshDataDir();
after(() => rmSync(dataDir, { recursive: true, force: true }));
const PUBLIC_URL = "https://mail.links.test";
const env = { PUBLIC_URL, AUTH_SECRET: "auth-link-cli-test-secret-".padEnd(48, "x") };
const ANNA = "anna@links.test";

function gatehouse(...args: string[]) {
  return run(args, { dataDir, env });
}

function json<T = Record<string, unknown>>(...args: string[]): T {
  const r = gatehouse(...args, "--json");
  assert.equal(r.code, 0, `gatehouse ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Rows in a table, read straight from the database file. */
function count(sql: string): number {
  const db = new Database(path.join(dataDir, "gatehouse.db"), { readonly: true });
  try {
    return Number((db.prepare(sql).get() as { n: number }).n);
  } finally {
    db.close();
  }
}
const links = () => count(`SELECT count(*) AS n FROM "AuthLink"`);
const audits = (action: string) => count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "action" = '${action}'`);

type Created = { id: string; url: string; expiresAt: string | null; permanent: boolean };
type Listed = {
  account: string;
  links: {
    id: string;
    permanent: boolean;
    state: string;
    createdByEmail: string;
    expiresAt: string | null;
    useCount: number;
    allowedIpRanges: string[];
  }[];
};

test("create, list and revoke round trip with --json; the URL is printed once and never listed", () => {
  assert.equal(gatehouse("user", "create", ANNA, "--no-password", "--create-domain").code, 0);

  const text = gatehouse("auth", "link", "create", ANNA, "hours", "24");
  assert.equal(text.code, 0, text.stderr);
  const [url, about] = text.stdout.trim().split("\n");
  assert.match(url, /^https:\/\/mail\.links\.test\/link\/[A-Za-z0-9_-]{43}$/);
  assert.match(about, /^temporary link \S+: single use, expires \d{4}-\d\d-\d\dT/);

  const created = json<Created>("auth", "link", "create", ANNA, "--hours", "2");
  assert.deepEqual(Object.keys(created).sort(), ["expiresAt", "id", "permanent", "url"]);
  assert.equal(created.permanent, false);
  const hoursLeft = (Date.parse(created.expiresAt!) - Date.now()) / 3_600_000;
  assert.ok(hoursLeft > 1.9 && hoursLeft <= 2, `expires in 2 hours, not ${hoursLeft}`);

  const permanent = gatehouse("auth", "link", "create", ANNA, "permanent", "true", "ip_range", "10.0.0.0/8,192.168.1.0/24", "--json");
  assert.equal(permanent.code, 0, permanent.stderr);
  assert.match(permanent.stderr, /^warning: a permanent link signs in .* without password or second factor/);
  const perm = JSON.parse(permanent.stdout) as Created;
  assert.deepEqual([perm.permanent, perm.expiresAt], [true, null]);

  const listed = json<Listed>("auth", "link", "list", ANNA);
  assert.equal(listed.account, ANNA);
  assert.deepEqual(
    listed.links.map((l) => [l.id, l.permanent, l.state]),
    [
      [perm.id, true, "pending"],
      [created.id, false, "pending"],
      [listed.links[2].id, false, "revoked"],
    ],
    "newest first; the second temporary link replaced the first",
  );
  assert.match(listed.links[0].createdByEmail, /^cli:/);
  assert.deepEqual(listed.links[0].allowedIpRanges, ["10.0.0.0/8", "192.168.1.0/24"]);
  const raw = JSON.stringify(listed) + gatehouse("auth", "link", "list", ANNA).stdout;
  for (const u of [url, created.url, perm.url]) assert.ok(!raw.includes(u.split("/").pop()!), "no token in the list");
  assert.match(
    gatehouse("auth", "link", "list", ANNA).stdout,
    /^id\s+kind\s+state\s+created\s+expires\s+creator\s+usedAt\s+usedIp\s+uses\s+ipRanges/,
  );

  assert.deepEqual(json("auth", "link", "revoke", ANNA, created.id), { account: ANNA, revoked: 1 });
  assert.deepEqual(json("auth", "link", "revoke", ANNA, "all"), { account: ANNA, revoked: 1 }, "the permanent one was left");
  assert.equal(gatehouse("auth", "link", "revoke", ANNA, "all").stdout.trim(), `revoked 0 auth links of ${ANNA}`);
  assert.deepEqual(
    json<Listed>("auth", "link", "list", ANNA).links.map((l) => l.state),
    ["revoked", "revoked", "revoked"],
  );
  assert.equal(audits("auth_link.create"), 3);
  assert.equal(audits("auth_link.revoke"), 3, "the replacement and the two revokes");
});

test("bad input: one clear line on stderr, exit 2, nothing written", () => {
  const before = links();
  const auditsBefore = count(`SELECT count(*) AS n FROM "AuditEvent"`);
  const cases: [string[], RegExp][] = [
    [["nobody@links.test"], /user not found/i],
    [[ANNA, "hours", "0"], /whole number of hours from 1 to 168/],
    [[ANNA, "hours", "169"], /whole number of hours from 1 to 168/],
    [[ANNA, "hours", "1.5"], /whole number of hours from 1 to 168/],
    [[ANNA, "hours", "soon"], /whole number of hours from 1 to 168/],
    [[ANNA, "ip_range", "10.0.0.0/8"], /only limit a permanent link/],
    [[ANNA, "permanent", "true", "ip_range", "10.0.0.1/8"], /CIDR/],
    [[ANNA, "permanent", "true", "ip_range", "not-an-address"], /CIDR/],
    [[ANNA, "permanent", "true", "hours", "5"], /does not expire/],
    [[ANNA, "send", "true"], /send true/],
  ];
  for (const [args, message] of cases) {
    const r = gatehouse("auth", "link", "create", ...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, `one line for ${args.join(" ")}: ${r.stderr}`);
    assert.match(lines[0], message);
    assert.equal(r.stdout, "");
  }
  for (const args of [
    ["list", "nobody@links.test"],
    ["revoke", "nobody@links.test", "all"],
    ["revoke", ANNA, "no-such-link"],
  ]) {
    const r = gatehouse("auth", "link", ...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  }
  assert.equal(links(), before, "no link written");
  assert.equal(count(`SELECT count(*) AS n FROM "AuditEvent"`), auditsBefore, "no audit row written");
});
