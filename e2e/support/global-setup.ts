import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_BASE_URL, E2E_GATE_PORT, E2E_PORT } from "./ports";
import { STATE_FILE, type E2eState } from "./server";

// Starts the real server (npm start's script) on a fresh data directory and waits until it
// answers /api/health and has printed its first-admin setup link.
export default async function globalSetup() {
  const root = path.join(__dirname, "..", "..");
  const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-e2e-"));
  const logFile = path.join(dataDir, "server.log");
  const baseUrl = E2E_BASE_URL;
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      GATE_PORT: String(E2E_GATE_PORT),
      GATE_HOST: "127.0.0.1",
      // Named in the gate's OK answers (e2e/gate.spec.ts); nothing connects to it.
      GATE_IMAP_BACKEND: "127.0.0.1:1143",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: "",
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  child.unref();
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  const state: E2eState = { baseUrl, dataDir, logFile, pid: child.pid!, gateUrl: `http://127.0.0.1:${E2E_GATE_PORT}` };
  writeFileSync(STATE_FILE, JSON.stringify(state));

  for (let i = 0; i < 240; i++) {
    const log = readFileSync(logFile, "utf8");
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy && log.includes("/setup/")) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become ready:\n${readFileSync(logFile, "utf8")}`);
}
