import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEST_DB_KIND, useTestDatabase } from "./support";
import { scratchDatabase, type ScratchDatabase } from "./scratch-database";

useTestDatabase();

const fixtures = path.join(__dirname, "fixtures");
const TINY = "20000101000000_tiny";
// sha256 of the fixture's bytes, by `printf 'CREATE TABLE "Tiny" ("id" INTEGER PRIMARY KEY);\n' | sha256sum`:
// what `prisma migrate deploy` records for that file.
const TINY_CHECKSUM = "0cd991d6bff4ba76f6944ba25c30853c4e5802e7617437761e3c5fe2e8ec1487";
// ... and of the same file edited to ("id" INTEGER PRIMARY KEY, "note" TEXT).
const EDITED_CHECKSUM = "12d5e2f35ca184ff9ff795b82901270cf57f3d32d109eb21a9cae59eecc26f47";

const scratches: ScratchDatabase[] = [];
const roots: string[] = [];
after(async () => {
  for (const s of scratches) await s.drop();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
async function scratch() {
  const s = await scratchDatabase();
  scratches.push(s);
  return s;
}

/** A project root whose prisma/migrations/<kind> holds exactly these files. */
function migrationsRoot(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "gatehouse-migrations-"));
  roots.push(root);
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(root, "prisma", "migrations", TEST_DB_KIND, name), { recursive: true });
    writeFileSync(path.join(root, "prisma", "migrations", TEST_DB_KIND, name, "migration.sql"), sql);
  }
  return root;
}

const lib = () => import("@/lib/db/migrate");
const TINY_SQL = `CREATE TABLE "Tiny" ("id" INTEGER PRIMARY KEY);\n`;

test("a migration is recorded with Prisma's checksum of its file, and re-running applies nothing", async () => {
  const { loadMigrations, runMigrations } = await lib();
  const db = await scratch();
  const files = loadMigrations(TEST_DB_KIND, path.join(fixtures, "tiny"));
  assert.deepEqual((await runMigrations(db.target, files)).applied, [TINY]);
  const rows = await db.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`,
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0].migration_name, TINY);
  assert.equal(rows[0].checksum, TINY_CHECKSUM);
  assert.ok(rows[0].finished_at);
  assert.deepEqual((await runMigrations(db.target, files)).applied, []);
  // Git on Windows may check the file out with CRLF line endings: Prisma treats it as the same file.
  const crlf = loadMigrations(TEST_DB_KIND, migrationsRoot({ [TINY]: TINY_SQL.replace("\n", "\r\n") }));
  assert.deepEqual((await runMigrations(db.target, crlf)).applied, []);
});

test("the project's migrations are all recorded as finished on the test database", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { loadMigrations, runMigrations } = await lib();
  const { getSettings } = await import("@/lib/config/settings");
  const rows = await getDb().$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
    `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  assert.deepEqual(
    rows.map((r) => r.migration_name),
    loadMigrations(TEST_DB_KIND).map((m) => m.name),
  );
  assert.ok(rows.every((r) => r.finished_at));
  assert.deepEqual((await runMigrations(getSettings())).applied, []);
});

test("an applied migration edited since stops the runner with one line naming it and both checksums", async () => {
  const { loadMigrations, runMigrations } = await lib();
  const db = await scratch();
  await runMigrations(db.target, loadMigrations(TEST_DB_KIND, path.join(fixtures, "tiny")));
  const edited = loadMigrations(
    TEST_DB_KIND,
    migrationsRoot({
      [TINY]: `CREATE TABLE "Tiny" ("id" INTEGER PRIMARY KEY, "note" TEXT);\n`,
      "20000102000000_next": `CREATE TABLE "Next" ("id" INTEGER);`,
    }),
  );
  await assert.rejects(runMigrations(db.target, edited), {
    message: `migration ${TINY} was changed after it was applied (database checksum ${TINY_CHECKSUM}, file ${EDITED_CHECKSUM})`,
  });
  assert.equal((await db.query(`SELECT 1 FROM "_prisma_migrations"`)).length, 1, "the next migration was not applied");
});

test("a database with a migration this code does not know is refused, and nothing is applied", async () => {
  const { loadMigrations, runMigrations } = await lib();
  const db = await scratch();
  const newer = migrationsRoot({ [TINY]: TINY_SQL, "20000103000000_newer": `CREATE TABLE "Newer" ("id" INTEGER);` });
  await runMigrations(db.target, loadMigrations(TEST_DB_KIND, newer));
  const older = loadMigrations(
    TEST_DB_KIND,
    migrationsRoot({ [TINY]: TINY_SQL, "20000102000000_between": `CREATE TABLE "Between" ("id" INTEGER);` }),
  );
  await assert.rejects(runMigrations(db.target, older), {
    message: "the database has migration 20000103000000_newer that this version of Gatehouse does not know: newer code ran on it",
  });
  assert.equal((await db.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20000102000000_between'`)).length, 0);
});

test('the "refuse" mode migrates an empty database but only checks a used one', async () => {
  const { loadMigrations, runMigrations } = await lib();
  const all = loadMigrations(TEST_DB_KIND);
  const empty = await scratch();
  assert.deepEqual(
    (await runMigrations(empty.target, all, { usedDatabase: "refuse" })).applied,
    all.map((m) => m.name),
  );
  assert.deepEqual((await runMigrations(empty.target, all, { usedDatabase: "refuse" })).applied, [], "up to date: nothing to do");

  const older = await scratch();
  await runMigrations(older.target, all.slice(0, 1));
  const pending = all.slice(1).map((m) => m.name);
  await assert.rejects(runMigrations(older.target, all, { usedDatabase: "refuse" }), {
    message: `the database needs migration${pending.length > 1 ? "s" : ""} ${pending.join(", ")}: run npm run db:migrate`,
  });
  assert.equal(await older.count("_prisma_migrations"), 1, "nothing applied");

  // Tables without any recorded migration are not an empty database either.
  const foreign = await scratch();
  await foreign.exec(`CREATE TABLE "Unrelated" ("id" INTEGER)`);
  await assert.rejects(runMigrations(foreign.target, all, { usedDatabase: "refuse" }), { message: /run npm run db:migrate$/ });
});

test("a failing migration is rolled back whole and not recorded", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { loadMigrations, runMigrations } = await lib();
  const { getSettings } = await import("@/lib/config/settings");
  const broken = {
    name: "99999999999999_broken",
    sql: `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);`,
    checksum: "x",
  };
  await assert.rejects(runMigrations(getSettings(), [...loadMigrations(TEST_DB_KIND), broken]), {
    message: /^migration 99999999999999_broken failed and was rolled back: .*NoSuchTable/,
  });
  const tables =
    TEST_DB_KIND === "sqlite"
      ? await getDb().$queryRawUnsafe<unknown[]>(`SELECT name FROM sqlite_master WHERE name = 'Half'`)
      : await getDb().$queryRawUnsafe<unknown[]>(`SELECT tablename FROM pg_tables WHERE tablename = 'Half'`);
  assert.equal(tables.length, 0, "the table created before the failure is gone");
  const recorded = await getDb().$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`,
  );
  assert.equal(recorded.length, 0);
});

const SOON = "2030-01-01 00:00:00";
const CHILD_TABLES = ["Session", "Credential", "TotpDevice", "RecoveryCode", "TrustedDevice", "PendingLogin", "OneTimeToken"];

async function seedAccount(db: ScratchDatabase, id: string) {
  await db.exec(`
    INSERT INTO "Domain" ("id", "name") VALUES ('d-${id}', '${id}.test');
    INSERT INTO "User" ("id", "email", "domainId", "updatedAt") VALUES ('${id}', 'ann@${id}.test', 'd-${id}', '${SOON}');
    INSERT INTO "Credential" ("id", "userId", "label", "services", "algorithm") VALUES ('c-${id}', '${id}', 'Phone', 'IMAP', 'HMAC-SHA256');
    INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ('s-${id}', '${id}', '${SOON}');
    INSERT INTO "Session" ("id", "userId", "credentialId", "expiresAt") VALUES ('sc-${id}', '${id}', 'c-${id}', '${SOON}');
    INSERT INTO "TotpDevice" ("id", "userId", "label", "secretEnc") VALUES ('t-${id}', '${id}', 'Phone app', 'sealed');
    INSERT INTO "RecoveryCode" ("id", "userId", "codeHash") VALUES ('r-${id}', '${id}', 'rh-${id}');
    INSERT INTO "TrustedDevice" ("id", "userId", "tokenHash", "expiresAt") VALUES ('td-${id}', '${id}', 'th-${id}', '${SOON}');
    INSERT INTO "PendingLogin" ("id", "userId", "stage", "credentialId", "expiresAt") VALUES ('p-${id}', '${id}', 'ready', 'c-${id}', '${SOON}');
    INSERT INTO "OneTimeToken" ("id", "tokenHash", "purpose", "userId") VALUES ('o-${id}', 'oh-${id}', 'auth_link', '${id}');
  `);
}

async function counts(db: ScratchDatabase) {
  return Object.fromEntries(await Promise.all(["User", ...CHILD_TABLES].map(async (t) => [t, await db.count(t)])));
}

test("a migration that redefines User keeps every session, credential, TOTP device, recovery code and trusted device", async () => {
  const { loadMigrations, runMigrations } = await lib();
  const db = await scratch();
  await runMigrations(db.target);
  await seedAccount(db, "u1");
  const before = await counts(db);
  assert.deepEqual(before, {
    User: 1,
    Session: 2,
    Credential: 1,
    TotpDevice: 1,
    RecoveryCode: 1,
    TrustedDevice: 1,
    PendingLogin: 1,
    OneTimeToken: 1,
  });

  // What prisma-diff emits for a changed default of User.displayName (issue 7's reproduction).
  const redefine = readFileSync(path.join(fixtures, "redefine-user", `${TEST_DB_KIND}.sql`), "utf8");
  if (TEST_DB_KIND === "sqlite") assert.match(redefine, /DROP TABLE "User"/, "the fixture redefines the table");
  const name = "99990101000000_user_display_name_default";
  assert.deepEqual(
    (await runMigrations(db.target, [...loadMigrations(TEST_DB_KIND), { name, sql: redefine, checksum: "f".repeat(64) }])).applied,
    [name],
  );

  assert.deepEqual(await counts(db), before, "every row is still there");
  const [user] = await db.query<{ displayName: string }>(`SELECT "displayName" FROM "User"`);
  assert.equal(user.displayName, "", "the existing value is kept");
  // The children still point at the new User table: deleting the user cascades as before.
  await db.exec(`DELETE FROM "User" WHERE "id" = 'u1'`);
  for (const t of CHILD_TABLES) assert.equal(await db.count(t), 0, `${t} follows its user`);
});

test("a migration that leaves a dangling reference is rolled back whole, naming the violation", async () => {
  const { loadMigrations, runMigrations } = await lib();
  const db = await scratch();
  await runMigrations(db.target);
  await seedAccount(db, "u2");
  const dangling = {
    name: "99990101000000_dangling",
    sql: `CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);
UPDATE "User" SET "displayName" = 'changed';
INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ('orphan', 'nobody', '${SOON}');`,
    checksum: "f".repeat(64),
  };
  const error = await runMigrations(db.target, [...loadMigrations(TEST_DB_KIND), dangling]).then(
    () => assert.fail("the migration was applied"),
    (e: Error) => e,
  );
  assert.match(error.message, /^migration 99990101000000_dangling .*rolled back.*Session/);
  assert.doesNotMatch(error.message, /\n/, "one line");
  if (TEST_DB_KIND === "sqlite") assert.match(error.message, /points at a missing User$/);
  assert.equal((await db.query(`SELECT 1 FROM "Session" WHERE "id" = 'orphan'`)).length, 0);
  assert.equal((await db.query(`SELECT 1 FROM "User" WHERE "displayName" = 'changed'`)).length, 0, "its other statements are undone");
  assert.equal((await db.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${dangling.name}'`)).length, 0, "not recorded");
  await assert.rejects(db.query(`SELECT 1 FROM "Extra"`), "the table it created is gone");
});

test("the real-foreign-keys migration keeps sessions and tickets, and drops only those whose user or credential is gone", async () => {
  const { loadMigrations, runMigrations } = await lib();
  const all = loadMigrations(TEST_DB_KIND);
  const at = all.findIndex((m) => m.name === "20261130010000_real_foreign_keys");
  assert.ok(at > 0);
  const db = await scratch();
  await runMigrations(db.target, all.slice(0, at));
  await seedAccount(db, "u3");
  // Rows the old application-side clean-up could leave behind (no foreign key stopped them).
  await db.exec(`
    INSERT INTO "Session" ("id", "userId", "credentialId", "expiresAt") VALUES ('stale-session', 'u3', 'deleted-credential', '${SOON}');
    INSERT INTO "PendingLogin" ("id", "userId", "stage", "expiresAt") VALUES ('stale-user', 'deleted-user', 'otp', '${SOON}');
    INSERT INTO "PendingLogin" ("id", "userId", "stage", "credentialId", "expiresAt") VALUES ('stale-cred', 'u3', 'ready', 'deleted-credential', '${SOON}');
  `);
  await runMigrations(db.target, all);
  const ids = async (t: string) => (await db.query<{ id: string }>(`SELECT "id" FROM "${t}" ORDER BY "id"`)).map((r) => r.id);
  assert.deepEqual(await ids("Session"), ["s-u3", "sc-u3"]);
  assert.deepEqual(await ids("PendingLogin"), ["p-u3"]);
  assert.deepEqual(await counts(db), {
    User: 1,
    Session: 2,
    Credential: 1,
    TotpDevice: 1,
    RecoveryCode: 1,
    TrustedDevice: 1,
    PendingLogin: 1,
    OneTimeToken: 1,
  });
});

test("instances starting together apply each migration once", async () => {
  const { loadMigrations, runMigrations } = await lib();
  const db = await scratch();
  const results = await Promise.all(Array.from({ length: 4 }, () => runMigrations(db.target)));
  const all = loadMigrations(TEST_DB_KIND).map((m) => m.name);
  assert.deepEqual(results.flatMap((r) => r.applied).sort(), all);
  assert.equal(await db.count("_prisma_migrations"), all.length);
});
