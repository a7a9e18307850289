import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/support/ports";

// Debian's Chromium, never a downloaded browser; the background-networking flags stop it from
// calling out on a machine without internet access.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // The foundation story needs a database with no admin yet (it uses the printed setup link), so
  // it runs first; every other spec makes its own accounts through the CLI.
  projects: [
    { name: "foundation", testMatch: /foundation\.spec\.ts/ },
    { name: "features", testIgnore: /foundation\.spec\.ts/, dependencies: ["foundation"] },
  ],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    },
  },
});
