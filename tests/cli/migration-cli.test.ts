// Which process may change the schema: the CLI sets up a new, empty database but never migrates a
// used one (an older server may be running on it); `npm run db:migrate` and `npm start` do. A
// database that newer code ran on, or whose applied migration was edited, stops all three.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadMigrations, runMigrations, type DatabaseTarget } from "@/lib/db/migrate";
import { freshDataDir, gatehouse, startServer } from "./support";

const root = path.join(__dirname, "..", "..");
const INIT = "20261129000000_init";
// `sha256sum prisma/migrations/sqlite/20261129000000_init/migration.sql`: Prisma's checksum of the file.
const INIT_CHECKSUM = "5aa5717eaa800c50c79bee81ba795711c7b2e5933a091b63f58b534674b5d56b";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function database(): { dataDir: string; target: DatabaseTarget; sql: (s: string) => void } {
  const dataDir = freshDataDir();
  dirs.push(dataDir);
  const target: DatabaseTarget = {
    databaseKind: "sqlite",
    databaseUrl: undefined,
    dataDir,
    sqlitePath: path.join(dataDir, "gatehouse.db"),
  };
  const sql = (s: string) => {
    const db = new Database(target.sqlitePath);
    try {
      db.exec(s);
    } finally {
      db.close();
    }
  };
  return { dataDir, target, sql };
}

function seedUser(sql: (s: string) => void) {
  sql(`INSERT INTO "Domain" ("id", "name") VALUES ('d1', 'old.test');
       INSERT INTO "User" ("id", "email", "domainId", "updatedAt") VALUES ('u1', 'ann@old.test', 'd1', '2030-01-01 00:00:00');`);
}

function dbMigrate(dataDir: string) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function recorded(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, "gatehouse.db"));
  try {
    return (
      db.prepare(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`).all() as { migration_name: string }[]
    ).map((r) => r.migration_name);
  } finally {
    db.close();
  }
}

test("on a database an older version set up, the CLI changes nothing and says to run npm run db:migrate", async () => {
  const all = loadMigrations("sqlite", root);
  const { dataDir, target, sql } = database();
  await runMigrations(target, all.slice(0, 1));
  seedUser(sql);

  const refused = gatehouse(["user", "list"], { dataDir });
  assert.equal(refused.code, 1);
  assert.equal(
    refused.stderr,
    `gatehouse: the database needs migration${all.length > 2 ? "s" : ""} ${all
      .slice(1)
      .map((m) => m.name)
      .join(", ")}: run npm run db:migrate\n`,
  );
  assert.deepEqual(recorded(dataDir), [INIT], "the schema was not changed");

  const migrated = dbMigrate(dataDir);
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stdout, /database is up to date/);
  const listed = gatehouse(["user", "list", "--json"], { dataDir });
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(
    JSON.parse(listed.stdout).users.map((u: { email: string }) => u.email),
    ["ann@old.test"],
  );
});

test("a database newer code ran on stops the CLI, npm run db:migrate and npm start with one line naming the migration", async () => {
  const { dataDir, target, sql } = database();
  await runMigrations(target);
  seedUser(sql);
  sql(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ('future', '${"f".repeat(64)}', '2031-01-01 00:00:00', '29990101000000_from_the_future', '2031-01-01 00:00:00', 1)`);
  const line =
    "the database has migration 29990101000000_from_the_future that this version of Gatehouse does not know: newer code ran on it";

  const cli = gatehouse(["user", "list"], { dataDir });
  assert.equal(cli.code, 1);
  assert.equal(cli.stderr, `gatehouse: ${line}\n`);
  for (const r of [dbMigrate(dataDir), startServer({ DATA_DIR: dataDir, DATABASE_URL: "" })]) {
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `gatehouse: cannot use the database at ${target.sqlitePath}: ${line}\n`);
  }
});

test("an applied migration edited since stops the CLI and npm start with one line naming both checksums", async () => {
  const { dataDir, target, sql } = database();
  await runMigrations(target);
  sql(`UPDATE "_prisma_migrations" SET checksum = '${"a".repeat(64)}' WHERE migration_name = '${INIT}'`);
  const line = `migration ${INIT} was changed after it was applied (database checksum ${"a".repeat(64)}, file ${INIT_CHECKSUM})`;

  const cli = gatehouse(["domain", "list"], { dataDir });
  assert.equal(cli.code, 1);
  assert.equal(cli.stderr, `gatehouse: ${line}\n`);
  const start = startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
  assert.equal(start.code, 1);
  assert.equal(start.stderr, `gatehouse: cannot use the database at ${target.sqlitePath}: ${line}\n`);
});
