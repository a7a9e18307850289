import { test } from "node:test";
import assert from "node:assert/strict";
import { useTestDatabase } from "./support";

useTestDatabase();

const lib = async () => ({
  ...(await import("@/lib/db/client")),
  ...(await import("@/lib/audit/list-audit-events")),
  ...(await import("@/lib/audit/parse-audit-filters")),
  ...(await import("@/lib/audit/export-audit-events")),
  ...(await import("@/lib/audit/start-audit-export")),
  ...(await import("@/lib/audit/prune-audit-events")),
  ...(await import("@/lib/audit/record-audit-event")),
});

const T0 = Date.parse("2026-11-01T00:00:00Z");
const MIN = 60_000;

type Seed = {
  id: string;
  minute: number;
  action: string;
  group: string;
  result: string;
  actor?: string;
  subject?: string;
  ip?: string;
  details?: string;
};

async function seed(rows: Seed[]) {
  const { getDb } = await lib();
  await getDb().auditEvent.createMany({
    data: rows.map((r) => ({
      id: r.id,
      createdAt: new Date(T0 + r.minute * MIN),
      action: r.action,
      actionGroup: r.group,
      result: r.result,
      actorEmail: r.actor ?? null,
      subjectEmail: r.subject ?? null,
      ip: r.ip ?? "",
      details: r.details ?? "{}",
    })),
  });
}

async function clear() {
  const { getDb } = await lib();
  await getDb().auditEvent.deleteMany({});
}

async function ids(raw: Record<string, string>, pageSize = 1000) {
  const { listAuditEvents, parseAuditFilters } = await lib();
  const parsed = parseAuditFilters(raw);
  assert.ok(parsed.ok, JSON.stringify(raw));
  return (await listAuditEvents(parsed.query, { pageSize })).events.map((e) => e.id);
}

test("each filter narrows the view to the matching rows, newest first, and they combine", async () => {
  await clear();
  await seed([
    { id: "a1", minute: 1, action: "login.password", group: "login", result: "failure", subject: "ann@x.test", ip: "192.0.2.1" },
    { id: "a2", minute: 2, action: "login.password", group: "login", result: "success", subject: "ann@x.test", ip: "2001:db8::1" },
    { id: "a3", minute: 3, action: "totp.enable", group: "2fa", result: "success", actor: "ann@x.test", subject: "ann@x.test" },
    { id: "a4", minute: 4, action: "user.lock", group: "user", result: "success", actor: "admin@x.test", subject: "bob@x.test" },
    { id: "a5", minute: 5, action: "gate.login", group: "gate", result: "denied", subject: "bob@x.test", ip: "192.0.2.1" },
  ]);
  assert.deepEqual(await ids({}), ["a5", "a4", "a3", "a2", "a1"]);
  assert.deepEqual(await ids({ group: "login" }), ["a2", "a1"]);
  assert.deepEqual(await ids({ group: "2FA" }), ["a3"], "groups compare in lower case");
  assert.deepEqual(await ids({ result: "failure" }), ["a1"]);
  assert.deepEqual(await ids({ result: "denied" }), ["a5"]);
  assert.deepEqual(await ids({ actor: "Admin@X.test" }), ["a4"], "addresses compare in lower case");
  assert.deepEqual(await ids({ subject: "bob@x.test" }), ["a5", "a4"]);
  assert.deepEqual(await ids({ ip: "192.0.2.1" }), ["a5", "a1"]);
  assert.deepEqual(await ids({ ip: "2001:DB8::1" }), ["a2"]);
  assert.deepEqual(await ids({ from: "2026-11-01T00:02", to: "2026-11-01T00:04" }), ["a3", "a2"], "from inclusive, to exclusive, UTC");
  assert.deepEqual(await ids({ from: "2026-11-01T01:02:00+01:00" }), ["a5", "a4", "a3", "a2"], "a zone is honoured");
  assert.deepEqual(await ids({ subject: "ann@x.test", result: "success", group: "login" }), ["a2"]);
  assert.deepEqual(await ids({ group: "saml" }), []);
});

test("bad filter values are refused with the field named, and nothing is listed", async () => {
  const { parseAuditFilters } = await lib();
  const field = (raw: Record<string, unknown>) => {
    const r = parseAuditFilters(raw);
    return r.ok ? null : r.error.field;
  };
  assert.equal(field({ ip: "300.1.1.1" }), "ip");
  assert.equal(field({ result: "maybe" }), "result");
  assert.equal(field({ group: "log in" }), "group");
  assert.equal(field({ from: "yesterday" }), "from");
  assert.equal(field({ to: "2026-02-31" }), "to", "a day that does not exist");
  assert.equal(field({ from: "2026-12-05", to: "2026-12-01" }), "range");
  assert.equal(field({ subject: "x".repeat(321) }), "subject");
  assert.equal(field({ before: "not-a-cursor!" }), "before");
  assert.equal(field({ group: ["login", "gate"] }), "group", "a repeated URL parameter");
  assert.equal(field({ group: "", result: "", from: "" }), null, "empty means no filter");
});

test("keyset pages walk every row once going older, and back again going newer, ties included", async () => {
  await clear();
  const { listAuditEvents, formatAuditCursor, parseAuditCursor } = await lib();
  // 23 rows, three to a minute: the id breaks ties.
  await seed(
    Array.from({ length: 23 }, (_, i) => ({
      id: `k${String(i).padStart(2, "0")}`,
      minute: Math.floor(i / 3),
      action: i % 2 ? "login.password" : "session.create",
      group: i % 2 ? "login" : "session",
      result: "success",
    })),
  );
  const all = Array.from({ length: 23 }, (_, i) => `k${String(22 - i).padStart(2, "0")}`);
  const pages: string[][] = [];
  let query: Parameters<typeof listAuditEvents>[0] = { filters: {} };
  for (;;) {
    const page = await listAuditEvents(query, { pageSize: 5 });
    pages.push(page.events.map((e) => e.id));
    assert.equal(page.hasNewer, pages.length > 1);
    if (!page.hasOlder) break;
    const cursor = parseAuditCursor(formatAuditCursor(page.events[page.events.length - 1]))!;
    query = { filters: {}, before: cursor };
  }
  assert.deepEqual(pages.flat(), all, "older pages: every row once, newest first");
  assert.equal(pages.length, 5);

  // From the last page, "Newer" walks back up to the first page.
  const back: string[][] = [pages[pages.length - 1]];
  let first = pages[pages.length - 1][0];
  for (;;) {
    const row = await (await lib()).getDb().auditEvent.findUniqueOrThrow({ where: { id: first } });
    const page = await listAuditEvents({ filters: {}, after: { createdAt: row.createdAt, id: row.id } }, { pageSize: 5 });
    back.unshift(page.events.map((e) => e.id));
    first = page.events[0].id;
    if (!page.hasNewer) break;
  }
  assert.deepEqual(back[0], all.slice(0, 5), "newer ends on the first page, whole");
  assert.deepEqual(back.flat().slice(5), all.slice(all.length - back.flat().slice(5).length));

  // A filtered walk stays within the filter.
  const login = all.filter((id) => Number(id.slice(1)) % 2 === 1);
  const firstPage = await listAuditEvents({ filters: { group: "login" } }, { pageSize: 4 });
  const last = firstPage.events[3];
  const second = await listAuditEvents(
    { filters: { group: "login" }, before: { createdAt: last.createdAt, id: last.id } },
    { pageSize: 4 },
  );
  assert.deepEqual(
    [...firstPage.events, ...second.events].map((e) => e.id),
    login.slice(0, 8),
  );
});

test("retention deletes rows older than the retention in batches, by the injected clock, and keeps the rest", async () => {
  await clear();
  const { pruneAuditEvents, getDb } = await lib();
  const now = new Date(T0 + 400 * 24 * 60 * MIN);
  const day = 24 * 60;
  await seed([
    { id: "r1", minute: 0, action: "login.password", group: "login", result: "success" },
    { id: "r2", minute: 10, action: "login.password", group: "login", result: "success" },
    { id: "r3", minute: 20, action: "login.password", group: "login", result: "success" },
    { id: "r4", minute: 34 * day + 1, action: "login.password", group: "login", result: "success" }, // 366 days old less a minute: kept
    { id: "r5", minute: 399 * day, action: "login.password", group: "login", result: "success" },
  ]);
  assert.equal(await pruneAuditEvents({ now, retentionDays: 366, batchSize: 2 }), 3, "three rows, in two batches");
  assert.deepEqual(
    (await getDb().auditEvent.findMany({ orderBy: { id: "asc" } })).map((r) => r.id),
    ["r4", "r5"],
  );
  assert.equal(await pruneAuditEvents({ now, retentionDays: 366, batchSize: 2 }), 0, "nothing left to prune");
  // A day later by the clock, r4 is due too.
  assert.equal(await pruneAuditEvents({ now: new Date(now.getTime() + day * MIN), retentionDays: 366 }), 1);
});

test("AUDIT_RETENTION_DAYS defaults to 365 and refuses what is not a whole number of days", async () => {
  const { parseSettings } = await import("@/lib/config/settings");
  assert.equal(parseSettings({}).auditRetentionDays, 365);
  assert.equal(parseSettings({ AUDIT_RETENTION_DAYS: "30" }).auditRetentionDays, 30);
  for (const bad of ["0", "-1", "1.5", "a year", "36501"]) {
    assert.throws(
      () => parseSettings({ AUDIT_RETENTION_DAYS: bad }),
      /invalid setting AUDIT_RETENTION_DAYS: must be a whole number of days/,
    );
  }
});

async function drain(chunks: AsyncGenerator<string>) {
  let text = "";
  for await (const c of chunks) text += c;
  return text;
}

test("an export holds exactly the filtered rows, in batches, is itself audited, and escapes formulas in CSV", async () => {
  await clear();
  const { startAuditExport, auditExportChunks, getDb, csvField } = await lib();
  await seed([
    ...Array.from({ length: 45 }, (_, i) => ({
      id: `x${String(i).padStart(2, "0")}`,
      minute: i,
      action: i % 3 ? "login.password" : "gate.login",
      group: i % 3 ? "login" : "gate",
      result: i % 2 ? "failure" : "success",
      subject: "eve@x.test",
      ip: "198.51.100.7",
    })),
    {
      id: "y1",
      minute: 50,
      action: "user.create",
      group: "user",
      result: "success",
      subject: '=HYPERLINK("http://evil")',
      details: '{"label":"+1 555, \\"home\\""}',
    },
  ]);
  const { chunks, counted } = await startAuditExport({ group: "login", result: "failure" }, "jsonl", {
    email: "admin@x.test",
    ip: "127.0.0.1",
  });
  const lines = (await drain(chunks))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { action: string; result: string; group: string });
  const expected = await ids({ group: "login", result: "failure" });
  assert.equal(lines.length, expected.length);
  assert.equal(counted.rows, expected.length);
  assert.ok(lines.every((l) => l.group === "login" && l.result === "failure"));
  const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "audit.export" } });
  assert.equal(audit.actorEmail, "admin@x.test");
  assert.equal(audit.actionGroup, "audit");
  assert.deepEqual(JSON.parse(audit.details), { format: "jsonl", filters: "group=login&result=failure" });

  // Batches smaller than the result still give every row once (keyset across batches).
  const { auditEventBatches } = await import("@/lib/audit/export-audit-events");
  const seen: string[] = [];
  for await (const batch of auditEventBatches({ subject: "eve@x.test" }, 7)) seen.push(...batch.map((e) => e.id));
  assert.equal(seen.length, 45);
  assert.equal(new Set(seen).size, 45);

  const csv = await drain(auditExportChunks({ group: "user" }, "csv"));
  const [header, row, end] = csv.split("\r\n");
  assert.equal(header, "time,action,group,result,actor,subject,ip,userAgent,details");
  assert.ok(row.includes(`,"'=HYPERLINK(""http://evil"")",`), row);
  assert.match(row, /"\{""label"":""\+1 555, \\""home\\""""\}"/);
  assert.equal(end, "");
  for (const [raw, safe] of [
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["ann@x.test", "ann@x.test"],
    ["::1", "::1"],
  ]) {
    assert.equal(csvField(raw), safe, raw);
  }
});

test("recordAuditEvent stores the action's group; second-factor areas are 2fa", async () => {
  const { recordAuditEvent, getDb } = await lib();
  const { actionGroupOf } = await import("@/lib/audit/action-group");
  await getDb().$transaction((tx) => recordAuditEvent(tx, { action: "totp.enable", result: "success" }));
  assert.equal((await getDb().auditEvent.findFirstOrThrow({ where: { action: "totp.enable" } })).actionGroup, "2fa");
  assert.deepEqual(
    [
      "login.password",
      "session.reauth",
      "recovery_codes.regenerate",
      "trusted_device.revoke",
      "account.unrecognised_activity",
      "auth_link.use",
      "setup",
    ].map(actionGroupOf),
    ["login", "session", "2fa", "2fa", "user", "auth_link", "setup"],
  );
});
