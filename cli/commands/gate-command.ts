// `gatehouse gate`: runs the protocol gate alone, for hosts that run only the gate (the same
// startGate as `npm start`). Runs until SIGINT or SIGTERM, then flushes the credentials' last use.
import { defineCommand } from "@/cli/command";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/errors";
import { beginDraining, runShutdownHooks } from "@/lib/process/shutdown-hooks";

export const gateCommands = [
  defineCommand({
    path: ["gate"],
    summary: "Run the protocol gate (nginx auth_http and auth_request answers) on GATE_HOST:GATE_PORT until stopped",
    usage: "gatehouse gate",
    spec: { positionals: [], options: {} },
    run: async (_args, io) => {
      const settings = getSettings();
      // Loaded here, not at the top: the gate and its database drivers are for this command only.
      const { startGate } = await import("@/gate/start-gate");
      const gate = await startGate(settings).catch((e: Error) => {
        throw new AppError("internal", `gate cannot listen on ${settings.gateHost}:${settings.gatePort}: ${e.message}`);
      });
      io.out(`gatehouse: gate on http://${settings.gateHost}:${settings.gatePort}`);
      // `on`, not `once`: a terminal's Ctrl-C reaches this process twice (directly and passed on by
      // bin/gatehouse.mjs), and the second must not cut the flush short.
      const signal = await new Promise<string>((resolve) => {
        for (const name of ["SIGINT", "SIGTERM"] as const) process.on(name, () => resolve(name));
      });
      // As npm start does (lib/process/graceful-shutdown.ts): /health 503, SHUTDOWN_DELAY_SECONDS,
      // finish the decisions in flight, flush, close the database.
      beginDraining();
      if (settings.shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.shutdownDelayMs));
      await gate.close();
      await runShutdownHooks();
      return { stopped: signal };
    },
    text: (r) => `gatehouse: gate stopped (${r.stopped})`,
  }),
];
