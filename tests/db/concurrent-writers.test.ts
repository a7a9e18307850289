import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { ACTOR, TEST_DB_KIND, useTestDatabase } from "./support";

useTestDatabase();

// Several processes write one SQLite file (the web, the gate, the CLI). A transaction that reads
// and then writes must not fail because another process wrote meanwhile: a deferred one did
// (SQLITE_BUSY at once, seen as "P1008" in the CLI while the server flushed its sign-in counts).
// Transactions now take the write lock when they begin, and the other process waits for it.
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.env.DB_PATH, { timeout: 10000 });
process.stdout.write("ready\\n");
db.prepare('INSERT INTO "Domain" ("id", "name") VALUES (?, ?)').run("other-writer", "other-writer.test");
process.stdout.write("written\\n");
`;

test(
  "a read-then-write transaction succeeds while another process writes the same SQLite file",
  { skip: TEST_DB_KIND !== "sqlite" },
  async () => {
    const { getDb } = await import("@/lib/db/client");
    const { getSettings } = await import("@/lib/config/settings");
    const { createUser } = await import("@/lib/users/create-user");
    await createUser({ email: "first@writers.test", password: "plenty long passphrase", createDomain: true }, ACTOR);
    let writer: ReturnType<typeof spawn> | undefined;
    await getDb().$transaction(async (tx) => {
      const before = await tx.domain.count();
      writer = spawn(process.execPath, ["-e", WRITER], { env: { ...process.env, DB_PATH: getSettings().sqlitePath } });
      await once(writer.stdout!, "data"); // the other process is about to write
      await new Promise((resolve) => setTimeout(resolve, 300)); // its chance to write first (it must wait instead)
      await tx.domain.create({ data: { name: `mine-${before}.test` } });
    });
    const [code] = await once(writer!, "exit");
    assert.equal(code, 0, "the other process's write waited for the lock and landed");
    const names = (await getDb().domain.findMany({ select: { name: true } })).map((d) => d.name);
    assert.ok(names.includes("other-writer.test"));
    assert.ok(
      names.some((n) => n.startsWith("mine-")),
      "this transaction's write landed",
    );
  },
);
