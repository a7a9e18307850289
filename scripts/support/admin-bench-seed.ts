// The seed of npm run bench:admin (scripts/bench-admin.ts): domains, users and a year of audit rows,
// written with bulk inserts straight into a migrated database (SQLite file or PostgreSQL URL).
// The seed: 365 days of events, newest now; every user has some; IPs from a pool of 50,000.
export const SPAN_MS = 365 * 24 * 3600 * 1000;
const DOMAINS = 100;
/** How much to seed, and the newest row's time. */
export type SeedSize = { auditRows: number; users: number; now: number };
const ACTIONS: [string, string, number][] = [
  // action, group, weight
  ["login.password", "login", 40],
  ["session.create", "session", 20],
  ["2fa.verify", "2fa", 10],
  ["gate.login", "gate", 20],
  ["credential.create", "credential", 3],
  ["user.password.change", "user", 3],
  ["auth_link.use", "auth_link", 2],
  ["login.saml", "login", 1],
  ["saml.import", "saml", 0.02],
  ["policy.set", "policy", 0.02],
];
const WEIGHTS = ACTIONS.reduce((s, a) => s + a[2], 0);
const pick = (i: number) => {
  let x = (((i * 2654435761) % 1_000_003) / 1_000_003) * WEIGHTS;
  for (const a of ACTIONS) if ((x -= a[2]) < 0) return a;
  return ACTIONS[0];
};
export const email = (u: number) => `user${u}@d${u % DOMAINS}.bench.test`;
export const ipOf = (n: number) =>
  n % 10 === 0 ? `2001:db8:${(n % 65536).toString(16)}::${(n >> 4).toString(16)}` : `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
function auditRow(i: number, { auditRows, users, now }: SeedSize) {
  const [action, group] = pick(i);
  const user = (i * 7919) % users;
  const r = (i * 31) % 100;
  return {
    id: `a${i.toString(36).padStart(8, "0")}`,
    // Oldest first by i, with ties: several rows share a millisecond.
    createdAt: new Date(now - SPAN_MS + Math.floor((i / auditRows) * SPAN_MS)),
    actorEmail: i % 50 === 0 ? "admin@d0.bench.test" : email(user),
    subjectEmail: email(user),
    action,
    actionGroup: group,
    result: r < 80 ? "success" : r < 95 ? "failure" : "denied",
    ip: ipOf((i * 104729) % 50_000),
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    details: i % 3 === 0 ? `{"method":"password"}` : "{}",
  };
}

export async function seedSqlite(file: string, size: SeedSize) {
  const { auditRows, users, now } = size;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const updatedAt = new Date().toISOString().replace("Z", "+00:00");
  const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
  db.transaction(() => {
    const domain = db.prepare(`INSERT INTO "Domain" ("id", "name") VALUES (?, ?)`);
    for (let d = 0; d < DOMAINS; d++) domain.run(`dom${d}`, `d${d}.bench.test`);
    const user = db.prepare(
      `INSERT INTO "User" ("id", "email", "displayName", "searchKey", "status", "domainId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let u = 0; u < users; u++) {
      const e = email(u);
      const name = `User ${u}`;
      user.run(
        `u${u}`,
        e,
        name,
        `${e} ${name}`.toLowerCase(),
        u % 97 === 0 ? "locked" : u % 89 === 0 ? "disabled" : "active",
        `dom${u % DOMAINS}`,
        iso(new Date(now - (users - u) * 1000)),
        updatedAt,
      );
    }
  })();
  const insert = db.prepare(
    `INSERT INTO "AuditEvent" ("id", "createdAt", "actorEmail", "subjectEmail", "action", "actionGroup", "result", "ip", "userAgent", "details") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const BATCH = 50_000;
  for (let start = 0; start < auditRows; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + BATCH, auditRows); i++) {
        const r = auditRow(i, size);
        insert.run(r.id, iso(r.createdAt), r.actorEmail, r.subjectEmail, r.action, r.actionGroup, r.result, r.ip, r.userAgent, r.details);
      }
    })();
  }
  db.pragma("synchronous = NORMAL");
  db.close();
}

export async function seedPostgres(url: string, size: SeedSize) {
  const { auditRows, users } = size;
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Domain" ("id", "name") SELECT 'dom' || d, 'd' || d || '.bench.test' FROM generate_series(0, ${DOMAINS - 1}) d`,
    );
    await client.query(
      `INSERT INTO "User" ("id", "email", "displayName", "searchKey", "status", "domainId", "createdAt", "updatedAt")
       SELECT 'u' || u, 'user' || u || '@d' || (u % ${DOMAINS}) || '.bench.test', 'User ' || u,
              lower('user' || u || '@d' || (u % ${DOMAINS}) || '.bench.test User ' || u),
              CASE WHEN u % 97 = 0 THEN 'locked' WHEN u % 89 = 0 THEN 'disabled' ELSE 'active' END,
              'dom' || (u % ${DOMAINS}), now() - ((${users} - u) || ' seconds')::interval, now()
       FROM generate_series(0, ${users - 1}) u`,
    );
    const BATCH = 20_000;
    const cols = [
      "id",
      "createdAt",
      "actorEmail",
      "subjectEmail",
      "action",
      "actionGroup",
      "result",
      "ip",
      "userAgent",
      "details",
    ] as const;
    for (let start = 0; start < auditRows; start += BATCH) {
      const arrays: string[][] = cols.map(() => []);
      for (let i = start; i < Math.min(start + BATCH, auditRows); i++) {
        const r = auditRow(i, size);
        cols.forEach((c, k) => arrays[k].push(c === "createdAt" ? r.createdAt.toISOString() : String(r[c])));
      }
      await client.query(
        `INSERT INTO "AuditEvent" (${cols.map((c) => `"${c}"`).join(", ")})
         SELECT a, b::timestamp(3), c, d, e, f, g, h, i, j FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t(a, b, c, d, e, f, g, h, i, j)`,
        arrays,
      );
    }
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}
