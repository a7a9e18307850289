import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { signIn } from "./support/flows";
import { cli, createAccount, resetThrottle } from "./support/server";

// The admin console's overview at /admin (issue 13): the figures an admin should see first, each
// linking on to where it can be acted on.

const ADMIN = { email: "overview-admin@overview-admins.test", password: "lanterns along the harbour 77" };

test.beforeAll(() => {
  resetThrottle();
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  createAccount("new-hire@overview-e2e.test", "a password nobody will use 12");
  expect(cli(["auth", "twoFactor", "require", "domain", "overview-e2e.test", "true"]).code).toBe(0);
});

test("the overview shows who still lacks a required second factor and links to them", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin/);
  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Overview", exact: true })).toHaveAttribute("aria-current", "page");
  const missing = page.locator("section", { has: page.getByRole("heading", { name: "Second factor still missing" }) });
  await expect(missing.getByRole("link", { name: "new-hire@overview-e2e.test" })).toBeVisible();
  await expect(page.getByTestId("dashboard-users")).toContainText("Active");
  await expectNoAxeViolations(page);
  await missing.getByRole("link", { name: "new-hire@overview-e2e.test" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[^/]+$/);
});

test.afterAll(() => {
  cli(["auth", "twoFactor", "require", "domain", "overview-e2e.test", "false"]);
});
