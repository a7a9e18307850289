import { expect, test } from "@playwright/test";
import { hydrated } from "./support/flows";
import { expectNoAxeViolations } from "./support/accessibility";
import { createAccount, resetThrottle } from "./support/server";

// Every person in their own language: the browser's Accept-Language decides before sign-in, the
// login page's switch overrides it, and the choice saved on the account survives sign-out.
test.describe.configure({ mode: "serial" });

const EVA = { email: "eva@sprachen.test", password: "lanterns over the quiet canal 9" };

test.beforeAll(() => {
  resetThrottle();
  createAccount(EVA.email, EVA.password);
});

test.use({ locale: "de-DE" });

test("a German browser sees the German sign-in page; errors are German; the switch turns it Italian", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: "Anmelden", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Anmelden/);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveAccessibleDescription(/Geben Sie Ihre E-Mail-Adresse ein/);
  await expect(page.getByLabel("Passwort")).toHaveAccessibleDescription(/Geben Sie ein Passwort ein/);

  await page.getByLabel("E-Mail-Adresse").fill(EVA.email);
  await page.getByLabel("Passwort").fill("not her password at all");
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "E-Mail-Adresse oder Passwort ist nicht korrekt." })).toBeVisible();

  await page.getByRole("button", { name: "Italiano" }).click();
  await expect(page.getByRole("heading", { name: "Accedi", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("button", { name: "Italiano" })).toHaveAttribute("aria-current", "true");
  await expectNoAxeViolations(page);
});

test("signed in, the account saves Italian and a dark theme; after sign-out the sign-in page is still Italian", async ({ page }) => {
  await page.goto("/login");
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Anmelden", level: 1 })).toBeVisible();
  await page.getByLabel("E-Mail-Adresse").fill(EVA.email);
  await page.getByLabel("Passwort").fill(EVA.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);

  const card = page.locator("section", { has: page.getByRole("heading", { name: "Sprache und Design" }) });
  await card.getByLabel("Sprache", { exact: true }).selectOption("it");
  await card.getByLabel("Design").selectOption("dark");
  await card.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { name: "Lingua e tema" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  await expectNoAxeViolations(page);

  // The header's sign-out button is in Italian now.
  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Accedi", level: 1 })).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await expectNoAxeViolations(page);
});
