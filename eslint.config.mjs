import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer boundaries (docs/architecture.md): app/ may use lib/ and components/; components/ may use
// lib/; lib/ uses neither. Server actions live in lib/actions, so nothing needs to reach into app/.
const noAppImports = {
  regex: "^(@/app/|(\\.\\./)+app/)",
  message: "Only app/ may import from app/: move the shared code into lib/ (server actions go in lib/actions/<audience>/).",
};
const noComponentImports = {
  regex: "^(@/components/|(\\.\\./)+components/)",
  message: "lib/ must not import from components/: move what both need into lib/.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "data/**",
    "node_modules/**",
    "lib/generated/**",
    "dist/**",
    "prisma/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    // A leading underscore marks a parameter kept for its signature (e.g. the gate's options, used
    // once the gate answers nginx).
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    // No React here: useTestDatabase and Playwright's fixture `use` are not hooks.
    files: ["tests/**", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports] }] },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports, noComponentImports] }] },
  },
]);
