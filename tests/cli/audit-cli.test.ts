import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { freshDataDir, gatehouse } from "./support";

const dataDir = freshDataDir();
const run = (args: string[], stdin?: string) => gatehouse(args, { dataDir, stdin });

type Event = {
  action: string;
  group: string;
  result: string;
  actor: string | null;
  subject: string | null;
  details: Record<string, unknown>;
};

test("audit list shows the operator's changes, filtered by words, with --json and a cursor for the next page", () => {
  assert.equal(run(["domain", "create", "one.test"]).code, 0);
  assert.equal(run(["domain", "create", "two.test"]).code, 0);
  assert.equal(run(["user", "create", "ann@one.test", "--password-stdin"], "a long enough passphrase\n").code, 0);
  assert.equal(run(["user", "disable", "ann@one.test"]).code, 0);

  const all = JSON.parse(run(["audit", "list", "--json"]).stdout) as { events: Event[]; older: string | null };
  assert.deepEqual(
    all.events.map((e) => e.action),
    ["user.disable", "user.create", "domain.create", "domain.create"],
  );
  assert.equal(all.older, null);

  const domains = JSON.parse(run(["audit", "list", "group", "domain", "--json"]).stdout) as { events: Event[] };
  assert.deepEqual(
    domains.events.map((e) => [e.action, e.group, e.details.domain]),
    [
      ["domain.create", "domain", "two.test"],
      ["domain.create", "domain", "one.test"],
    ],
  );
  const ann = JSON.parse(run(["audit", "list", "subject", "ANN@one.test", "--json"]).stdout) as { events: Event[] };
  assert.ok(ann.events.length >= 2 && ann.events.every((e) => e.subject === "ann@one.test"));

  const first = JSON.parse(run(["audit", "list", "group", "domain", "limit", "1", "--json"]).stdout) as { events: Event[]; older: string };
  assert.equal(first.events[0].details.domain, "two.test");
  const second = JSON.parse(run(["audit", "list", "group", "domain", "limit", "1", "before", first.older, "--json"]).stdout) as {
    events: Event[];
    older: string | null;
  };
  assert.deepEqual([second.events[0].details.domain, second.older], ["one.test", null]);

  const text = run(["audit", "list", "--group", "domain", "--from", "2000-01-01"]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^time\s+action\s+result/);
  assert.match(text.stdout, /domain\.create\s+success\s+cli:/);
  assert.match(run(["audit", "list", "group", "domain", "to", "2000-01-01"]).stdout, /\(none\)/);
});

test("audit export writes the filtered rows as CSV or JSON Lines, to stdout or a file, and is itself audited", () => {
  const csv = run(["audit", "export", "group", "domain", "--format", "csv"]);
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.split("\r\n");
  assert.equal(lines[0], "time,action,group,result,actor,subject,ip,userAgent,details");
  assert.equal(lines.filter((l) => l.includes(",domain.create,")).length, 2);
  assert.equal(lines.length, 4, "header, two rows, and the final line end");

  const file = path.join(dataDir, "export.jsonl");
  const out = run(["audit", "export", "format", "jsonl", "group", "user", "to", file]);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /exported 2 audit event\(s\) as jsonl to /);
  const rows = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Event);
  assert.deepEqual(
    rows.map((r) => r.action),
    ["user.disable", "user.create"],
  );
  assert.equal(statSync(file).mode & 0o777, 0o600, "only the operator may read the export");

  const json = JSON.parse(
    run(["audit", "export", "format", "jsonl", "from", "2000-01-01", "until", "2100-01-01", "output", file, "--json"]).stdout,
  );
  assert.equal(json.file, file);
  assert.ok(json.rows >= 6);

  const exports = JSON.parse(run(["audit", "list", "group", "audit", "--json"]).stdout) as { events: Event[] };
  assert.equal(exports.events.length, 3);
  assert.deepEqual(exports.events[2].details, { format: "csv", filters: "group=domain" });
});

test("bad filters or formats are one clear line and exit 2; nothing is exported", () => {
  const cases: [string[], RegExp][] = [
    [["audit", "list", "result", "maybe"], /result must be success, failure or denied/],
    [["audit", "list", "ip", "300.0.0.1"], /ip must be an IPv4 or IPv6 address/],
    [["audit", "list", "from", "last tuesday"], /from must be a date or time/],
    [["audit", "list", "from", "2026-12-05", "to", "2026-12-01"], /from must be earlier than to/],
    [["audit", "list", "limit", "0"], /limit must be from 1 to 1000/],
    [["audit", "list", "before", "nonsense"], /before is not a position/],
    [["audit", "export", "format", "xml"], /format must be csv or jsonl/],
    [["audit", "export"], /format must be csv or jsonl/],
    [["audit", "export", "format", "csv", "to", "2026-12-01", "until", "2026-12-02"], /to or until/],
  ];
  const before = (JSON.parse(run(["audit", "list", "group", "audit", "--json"]).stdout) as { events: unknown[] }).events.length;
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split("\n").length, 1, "one line");
    assert.equal(r.stdout, "");
  }
  const afterCount = (JSON.parse(run(["audit", "list", "group", "audit", "--json"]).stdout) as { events: unknown[] }).events.length;
  assert.equal(afterCount, before, "a refused export is not recorded");
});
