// npm start: checks settings and the database, applies migrations, prints the first-admin setup
// link when there is no admin, then runs the web app (Next.js, child process) and the gate.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { issueSetupLink } from "@/lib/setup/first-admin-setup";
import { startGate } from "@/gate/start-gate";
import { ACCESS_RELAY_ENV, relayAccessChange } from "@/lib/gate/access-changes";
import { relayMetric } from "@/lib/metrics/count-metric";
import { startMetadataRefreshJob } from "@/lib/saml/metadata-refresh-job";
import { startAuditRetentionJob } from "@/lib/audit/audit-retention-job";
import { exitGracefullyOnSignals } from "@/lib/process/graceful-shutdown";
import { isDraining, onShutdown } from "@/lib/process/shutdown-hooks";
import { fail, preflight } from "./preflight";

async function main() {
  const settings = await preflight();
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("gatehouse: no build found, building the web app once (npm run build rebuilds)");
    // The Prisma clients are generated code: make them match the schema before the build type-checks.
    const generate = spawnSync(process.execPath, [path.join(process.cwd(), "scripts", "prisma-generate.mjs")], { stdio: "inherit" });
    if (generate.status !== 0) fail("could not generate the database client");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) fail("the web app did not build");
  }

  // No react-server condition for the web process: Next.js sets up its own module layers.
  const web = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "scripts", "web-server.ts")], {
    // The IPC channel carries the web's access changes to the gate's cache (lib/gate/access-changes.ts).
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, [ACCESS_RELAY_ENV]: "1", NODE_ENV: "production", HOST: settings.host, PORT: String(settings.port) },
  });
  web.on("message", relayAccessChange);
  web.on("message", relayMetric); // the web's sign-ins, locks, throttling for /metrics (lib/metrics/count-metric.ts)
  const webExited = new Promise<number | null>((resolve) =>
    web.on("exit", (code) => {
      resolve(code);
      if (isDraining()) return; // the shutdown below waits for it
      console.error(`gatehouse: web process exited (${code})`);
      process.exit(code ?? 1);
    }),
  );

  const gate = await startGate(settings).catch((e: Error) =>
    fail(`gate cannot listen on ${settings.gateHost}:${settings.gatePort}: ${e.message}`),
  );
  console.log(
    `gatehouse: web on http://${settings.host}:${settings.port} (public URL ${settings.publicUrl}), gate on http://${settings.gateHost}:${settings.gatePort}`,
  );
  onShutdown(startMetadataRefreshJob()); // stopped at shutdown
  onShutdown(startAuditRetentionJob(settings.auditRetentionDays));
  const link = await issueSetupLink(settings.publicUrl);
  if (link) console.log(`gatehouse: no admin yet. Create the first admin within 1 hour at: ${link}`);

  // SIGTERM/SIGINT: the signal goes on to the web child, which drains on its own
  // (scripts/web-server.ts); the gate answers /health 503, stops accepting after
  // SHUTDOWN_DELAY_SECONDS, finishes its decisions in flight and writes the credentials' last use;
  // then this process runs its shutdown hooks (lib/process/shutdown-hooks.ts: flushes, then the
  // database) and exits 0 once the child has exited 0 too.
  exitGracefullyOnSignals({
    name: "start",
    delayMs: settings.shutdownDelayMs,
    onSignal: (signal) => {
      if (web.exitCode === null) web.kill(signal);
    },
    drain: async () => {
      await gate.close();
      const code = await webExited;
      if (code !== 0) throw new Error(`web process exited (${code})`);
    },
  });
}

void main();
