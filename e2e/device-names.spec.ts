import { expect, test } from "@playwright/test";
import { hydrated } from "./support/flows";
import { expectNoAxeViolations } from "./support/accessibility";
import { E2E_BASE_URL } from "./support/ports";
import { cli, createAccount, resetThrottle } from "./support/server";
import { insertTrustedDevice } from "./support/trusted-devices";

// Device names in the viewer's language: the sessions list describes the browser's User-Agent,
// and trusted devices stored as English text ("Firefox on Linux", also rows written before names
// were translated) read back as a browser and a system, worded for an Italian viewer.

const GIULIA = { email: "giulia@dispositivi.test", password: "vineyards above the lake 74" };
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

test.beforeAll(() => {
  resetThrottle();
  createAccount(GIULIA.email, GIULIA.password);
});

test("an Italian viewer sees “Firefox su Linux” for a session and a trusted device, and the CLI keeps the English", async ({ browser }) => {
  const id = JSON.parse(cli(["user", "get", GIULIA.email, "--json"]).stdout).id as string;
  for (const [description, ip] of [
    ["Firefox on Linux", "192.0.2.61"],
    ["Unknown device", "192.0.2.62"],
  ]) {
    insertTrustedDevice(id, { description, ip, days: 7 });
  }

  const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale: "it-IT", userAgent: FIREFOX_LINUX });
  const page = await context.newPage();
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("Indirizzo email").fill(GIULIA.email);
  await page.getByLabel("Password").fill(GIULIA.password);
  await page.getByRole("button", { name: "Accedi", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");

  const sessions = page.getByTestId("sessions");
  await expect(sessions.getByRole("row").filter({ hasText: "Questo dispositivo" })).toContainText("Firefox su Linux");
  const trusted = page.getByTestId("trusted-devices");
  await expect(trusted.getByRole("row", { name: /Firefox su Linux/ })).toContainText("192.0.2.61");
  await expect(trusted.getByRole("row", { name: /Dispositivo sconosciuto/ })).toContainText("192.0.2.62");
  await expect(trusted.getByRole("button", { name: "Revoca Firefox su Linux" })).toBeVisible();
  await expect(page.getByText("Firefox on Linux")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await context.close();

  const listed = JSON.parse(cli(["auth", "trustedDevice", "list", GIULIA.email, "--json"]).stdout).devices as { description: string }[];
  expect(listed.map((d) => d.description).sort()).toEqual(["Firefox on Linux", "Unknown device"]);
});
