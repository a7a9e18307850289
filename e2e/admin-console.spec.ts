import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { hydrated, signIn } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";
import { cli, createAccount, resetThrottle } from "./support/server";

// The admin console in the admin's language, and a domain's default language set on the domains
// page reaching that domain's accounts when their browser asks for a language Gatehouse lacks.
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "console-admin@konsole.test", password: "harbour lights over the bay 31" };
const LUCA = { email: "luca@lingua.test", password: "olive groves in the hills 58" };

test.beforeAll(() => {
  resetThrottle();
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  createAccount(LUCA.email, LUCA.password);
});

async function pageIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale });
  return context.newPage();
}

test("a German browser gets the console in German, audit times in its own format, with no axe violation", async ({ browser }) => {
  const page = await pageIn(browser, "de-DE");
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("E-Mail-Adresse").fill(ADMIN.email);
  await page.getByLabel("Passwort").fill(ADMIN.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Benutzer", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Benutzer · Verwaltung/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Audit-Protokoll" }).click();
  await expect(page.getByRole("heading", { name: "Audit-Protokoll", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Ergebnis" })).toBeVisible();
  // Action names stay machine names; the time is German (day.month.year), not UTC ISO text.
  const signInRow = page.getByRole("row").filter({ hasText: "login.password" }).first();
  await expect(signInRow).toContainText("erfolgreich");
  await expect(signInRow.locator("time")).toHaveText(/\d{1,2}\.\d{1,2}\.\d{4}/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "2FA-Richtlinien" }).click();
  await expect(page.getByRole("heading", { name: "2FA-Richtlinien", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.context().close();
});

test("the admin sets a domain's default language; its accounts get it when their browser's language is not offered", async ({
  browser,
}) => {
  const admin = await pageIn(browser, "en-US");
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await admin.getByRole("link", { name: "Domains" }).click();
  await expect(admin.getByRole("heading", { name: "Domains", level: 1 })).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.getByRole("combobox", { name: "Default language for lingua.test" }).selectOption("it");
  await admin.getByRole("button", { name: "Save default language for lingua.test" }).click();
  await expect(admin.getByText("Default language of lingua.test saved.")).toBeVisible();
  const listed = JSON.parse(cli(["domain", "list", "--json"]).stdout) as { name: string; defaultLocale: string | null }[];
  expect(listed.find((d) => d.name === "lingua.test")?.defaultLocale).toBe("it");
  await admin.reload();
  await expect(admin.getByRole("combobox", { name: "Default language for lingua.test" })).toHaveValue("it");
  await admin.context().close();

  const luca = await pageIn(browser, "fr-FR");
  await signIn(luca, LUCA.email, LUCA.password);
  await expect(luca).toHaveURL(/\/account$/);
  await expect(luca.locator("html")).toHaveAttribute("lang", "it");
  await luca.context().close();
  expect(cli(["domain", "update", "lingua.test", "defaultLocale", "none"]).code).toBe(0);
});

test("the admin sets how long a domain's auth links last; a value out of range is refused in place", async ({ browser }) => {
  const admin = await pageIn(browser, "en-US");
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await admin.goto("/admin/domains");
  const hours = admin.getByRole("spinbutton", { name: "Auth link lifetime for lingua.test, in hours" });
  await expect(hours).toHaveValue("12");

  await hours.fill("169");
  await admin.getByRole("button", { name: "Save auth link lifetime for lingua.test" }).click();
  await expect(hours).toHaveAccessibleDescription("Enter a whole number of hours from 1 to 168.");
  await expectNoAxeViolations(admin);
  const authLinkHours = () =>
    (JSON.parse(cli(["domain", "list", "--json"]).stdout) as { name: string; authLinkHours: number }[]).find(
      (d) => d.name === "lingua.test",
    )?.authLinkHours;
  expect(authLinkHours()).toBe(12);

  await hours.fill("48");
  await admin.getByRole("button", { name: "Save auth link lifetime for lingua.test" }).click();
  await expect(admin.getByText("New auth links for lingua.test now last 48 hours.")).toBeVisible();
  expect(authLinkHours()).toBe(48);
  await admin.reload();
  await expect(admin.getByRole("spinbutton", { name: "Auth link lifetime for lingua.test, in hours" })).toHaveValue("48");
  await admin.context().close();
  expect(cli(["domain", "update", "lingua.test", "authLinkHours", "12"]).code).toBe(0);
});
