#!/usr/bin/env node
// Runs the TypeScript CLI (cli/main.ts) with tsx, from wherever it is called, against the same
// lib/ code as the web app. The react-server condition lets server-only modules load outside Next.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", join(root, "cli", "main.ts"), ...process.argv.slice(2)],
  { stdio: "inherit", env: { LOG_LEVEL: "warn", ...process.env, TSX_TSCONFIG_PATH: join(root, "tsconfig.json"), GATEHOUSE_ROOT: root } },
);
// Passed on, so `gatehouse gate` stops cleanly when its service manager stops this process.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
