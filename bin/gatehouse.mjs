#!/usr/bin/env node
// The gatehouse CLI, from wherever it is called, against the same lib/ code as the web app.
//
// Normally it runs the bundle that the install step and `npm run build` make
// (scripts/build-cli.mjs → dist/cli/gatehouse.mjs) in this very process: plain JavaScript, one
// Node start, the database client loaded only for commands that need one.
//
// In a dev checkout the bundle may be missing or older than a source file that went into it (its
// list is dist/cli/inputs.json); then, and with GATEHOUSE_CLI_TSX=1, it runs the TypeScript
// (cli/main.ts) with tsx in a second Node process, as before the bundle: slower to start, but
// always the code as it is now. The react-server condition lets server-only modules load outside Next.
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "cli", "gatehouse.mjs");

/** The bundle, when it exists and no file it was built from changed since. */
function freshBundle() {
  if (process.env.GATEHOUSE_CLI_TSX === "1") return null;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, "dist", "cli", "inputs.json"), "utf8"));
    for (const file of inputs) if (statSync(join(root, file)).mtimeMs > builtAt) return null;
    return bundle;
  } catch {
    return null; // no bundle, or a source file gone: the TypeScript is the truth
  }
}

const fresh = freshBundle();
if (fresh) {
  process.env.LOG_LEVEL ??= "warn";
  process.env.GATEHOUSE_ROOT = root;
  await import(pathToFileURL(fresh).href);
} else {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", join(root, "cli", "main.ts"), ...process.argv.slice(2)],
    { stdio: "inherit", env: { LOG_LEVEL: "warn", ...process.env, TSX_TSCONFIG_PATH: join(root, "tsconfig.json"), GATEHOUSE_ROOT: root } },
  );
  // Passed on, so `gatehouse gate` stops cleanly when its service manager stops this process.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
