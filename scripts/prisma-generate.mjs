#!/usr/bin/env node
// Generates the Prisma clients for both providers from the one schema (prisma/schema.prisma).
// A Prisma client is tied to its schema's provider, so the PostgreSQL client is generated from a
// copy whose provider and output are swapped.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SKIP_POSTINSTALL_GENERATE: "1" };

// Prisma's CLI wants a native schema engine and downloads one when it is missing, which fails on
// machines without internet access. `generate` never runs that engine, so when none is installed
// we point the CLI at any existing file to stop the download attempt.
const enginesDir = join(root, "node_modules", "@prisma", "engines");
const haveEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!haveEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const prismaCli = join(root, "node_modules", "prisma", "build", "index.js");
const generate = (schema) =>
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });

const schemaPath = join(root, "prisma", "schema.prisma");
generate(schemaPath);

const pgDir = join(root, "prisma", "generated");
mkdirSync(pgDir, { recursive: true });
const pgSchema = readFileSync(schemaPath, "utf8")
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgresql"');
if (!pgSchema.includes('"postgresql"') || !pgSchema.includes("lib/generated/postgresql")) {
  console.error("prisma-generate: could not derive the PostgreSQL schema (datasource or output line changed?)");
  process.exit(1);
}
writeFileSync(join(pgDir, "postgresql.prisma"), pgSchema);
generate(join(pgDir, "postgresql.prisma"));
console.log("prisma-generate: clients for sqlite and postgresql are in lib/generated/");

// The CLI bundle goes with the generated client it contains (scripts/build-cli.mjs): made here so
// the install step and `npm run build` both leave a fresh one. A failed bundle is no failed
// install: bin/gatehouse.mjs then runs the TypeScript with tsx.
try {
  const { buildCli } = await import("./build-cli.mjs");
  const files = await buildCli();
  console.log(`prisma-generate: CLI bundle in dist/cli/ (${files} source files)`);
} catch (e) {
  console.error(`prisma-generate: no CLI bundle (${e instanceof Error ? e.message.split("\n")[0] : e}); gatehouse runs with tsx`);
}
