#!/usr/bin/env node
// Builds the CLI once into dist/cli/ (esbuild), so `gatehouse` starts one Node process that runs
// plain JavaScript instead of a second one compiling TypeScript (bin/gatehouse.mjs runs the bundle
// when it is fresh). Run by scripts/prisma-generate.mjs, so by the install step and `npm run build`;
// `node scripts/build-cli.mjs` alone rebuilds it.
//
// - Everything of ours and the pure-JavaScript packages go into the bundle; packages with native
//   code or files of their own (Prisma's runtime, better-sqlite3, pg, argon2) stay in node_modules.
// - The database client is loaded only by commands that need it: every import of lib/db/client.ts
//   is pointed at cli/deferred-db-client.ts, which loads the real client (its own chunk, with the
//   generated Prisma client and its adapters) when cli/main.ts asks before such a command runs.
// - dist/cli/inputs.json lists the source files that went in, so bin/gatehouse.mjs can tell when
//   one changed after the build (a dev checkout) and fall back to tsx.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "cli");
const realClient = join(root, "lib", "db", "client.ts");
const deferred = join(root, "cli", "deferred-db-client.ts");

const deferDatabaseClient = {
  name: "defer-database-client",
  setup(b) {
    b.onResolve({ filter: /^@\/lib\/db\/client$|\/db\/client$/ }, (args) => {
      // The shim itself imports the real client (dynamically): that import stays real.
      if (args.importer === deferred) return { path: realClient };
      return { path: deferred };
    });
  },
};

export async function buildCli() {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { gatehouse: join(root, "cli", "main.ts") },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    conditions: ["react-server"],
    tsconfig: join(root, "tsconfig.json"),
    external: ["@prisma/*", "better-sqlite3", "pg", "pg-native", "@node-rs/*"],
    // Bundled CommonJS packages still call require() for Node's own modules.
    banner: {
      js: 'import { createRequire as __gatehouseRequire } from "node:module"; const require = __gatehouseRequire(import.meta.url);',
    },
    plugins: [deferDatabaseClient],
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
    minify: true,
    // Bundled packages (React, via use-intl) keep their production branch only; our code reads no NODE_ENV.
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    keepNames: true,
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith("node_modules/") && !f.includes("/node_modules/"))
    .map((f) => relative(root, join(root, f)));
  writeFileSync(join(outdir, "inputs.json"), JSON.stringify({ builtAt: Date.now(), inputs }) + "\n");
  return inputs.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = await buildCli();
  console.log(`build-cli: dist/cli/gatehouse.mjs from ${n} source files`);
}
