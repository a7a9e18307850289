import { after, test } from "node:test";
import assert from "node:assert/strict";
import { TEST_DB_KIND } from "./support";
import { scratchDatabase, type ScratchDatabase } from "./scratch-database";

// Migration 20261205010000_audit_viewer adds AuditEvent.actionGroup and fills it for every row
// already there, with the rule of lib/audit/action-group.ts; every row and its fields stay.
const scratches: ScratchDatabase[] = [];
after(async () => {
  for (const s of scratches) await s.drop();
});

test("the audit viewer migration keeps every audit row and fills its action group", async () => {
  const { loadMigrations, runMigrations } = await import("@/lib/db/migrate");
  const { actionGroupOf } = await import("@/lib/audit/action-group");
  const db = await scratchDatabase();
  scratches.push(db);
  const all = loadMigrations(TEST_DB_KIND);
  const mine = all.findIndex((m) => m.name === "20261205010000_audit_viewer");
  assert.ok(mine > 0, "the migration exists");
  await runMigrations(db.target, all.slice(0, mine));
  const actions = [
    "login.password",
    "login.2fa.skipped",
    "session.reauth",
    "2fa.verify",
    "totp.enable",
    "recovery_codes.regenerate",
    "trusted_device.revoke",
    "credential.qr_token.issue",
    "user.lock",
    "account.unrecognised_activity",
    "auth_link.use",
    "saml.import",
    "gate.login",
    "domain.create",
    "policy.set",
    "setup.complete",
    "nodot",
  ];
  await db.exec(
    actions
      .map(
        (a, i) =>
          `INSERT INTO "AuditEvent" ("id", "createdAt", "actorEmail", "subjectEmail", "action", "result", "ip", "details")
           VALUES ('e${i}', CURRENT_TIMESTAMP, 'admin@old.test', 'ann@old.test', '${a}', '${i % 2 ? "failure" : "success"}', '192.0.2.${i}', '{"n":${i}}');`,
      )
      .join("\n"),
  );
  await runMigrations(db.target, all);

  const rows = await db.query<{
    id: string;
    action: string;
    actionGroup: string;
    result: string;
    ip: string;
    details: string;
    subjectEmail: string;
  }>(`SELECT "id", "action", "actionGroup", "result", "ip", "details", "subjectEmail" FROM "AuditEvent"`);
  assert.equal(rows.length, actions.length, "every row stays");
  for (const [i, action] of actions.entries()) {
    const row = rows.find((r) => r.id === `e${i}`)!;
    assert.deepEqual(
      [row.action, row.actionGroup, row.result, row.ip, row.details, row.subjectEmail],
      [action, actionGroupOf(action), i % 2 ? "failure" : "success", `192.0.2.${i}`, `{"n":${i}}`, "ann@old.test"],
      action,
    );
  }
  // New rows get the empty default until the app fills the group.
  await db.exec(`INSERT INTO "AuditEvent" ("id", "action", "result") VALUES ('new', 'login.password', 'success')`);
  assert.equal((await db.query<{ g: string }>(`SELECT "actionGroup" AS g FROM "AuditEvent" WHERE "id" = 'new'`))[0].g, "");
});
