import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { freshDataDir } from "./support";

// `npm run db:migrate` (and `npm start`) warn, without stopping, when other users can read DATA_DIR,
// the database or the secrets.
const root = path.join(__dirname, "..", "..");

function migrate(dataDir: string) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", AUTH_SECRET: "", GATE_SECRET: "", DATA_DIR: dataDir, LOG_LEVEL: "info" },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

test("a fresh data directory is owner-only and no warning is printed; opened up, one warning line names each path", () => {
  const dataDir = freshDataDir();
  try {
    const first = migrate(dataDir);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stderr, "");
    assert.equal(mode(path.join(dataDir, "gatehouse.db")), "600");
    assert.equal(mode(path.join(dataDir, "auth-secret")), "600");

    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, "gatehouse.db"), 0o644);
    chmodSync(path.join(dataDir, "gate-secret"), 0o640);
    const second = migrate(dataDir);
    assert.equal(second.code, 0, "a warning, not a stop");
    assert.match(second.stdout, /database is up to date/);
    const lines = second.stderr.trim().split("\n");
    assert.equal(lines.length, 1, second.stderr);
    const entry = JSON.parse(lines[0]);
    assert.equal(entry.level, "warn");
    assert.equal(entry.event, "data.readable_by_others");
    assert.deepEqual(
      entry.paths.map((p: { path: string; mode: string }) => [path.basename(p.path), p.mode]).sort(),
      [
        ["gate-secret", "0640"],
        ["gatehouse.db", "0644"],
        [path.basename(dataDir), "0755"],
      ].sort(),
    );
    assert.equal(
      entry.paths.some((p: { path: string }) => p.path.endsWith("auth-secret")),
      false,
      "a closed file is not named",
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
