import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { signIn } from "./support/flows";
import { cli, createAccount, resetThrottle } from "./support/server";

// The admin console's overview at /admin (issue 13): the figures an admin should see first, each
// linking on to where it can be acted on.

const TARGET = "target@overview-e2e.test";
const ADMIN = { email: "overview-admin@overview-admins.test", password: "lanterns along the harbour 77" };

test.beforeAll(() => {
  resetThrottle();
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  createAccount("new-hire@overview-e2e.test", "a password nobody will use 12");
  createAccount(TARGET, "the right password is this one 8");
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

const failedInRange = async (page: Page) => {
  const text = await page
    .getByTestId("dashboard-sign-ins")
    .getByText(/succeeded, \d+ failed/)
    .innerText();
  return Number(/(\d+) failed/.exec(text)![1]);
};

test("a failed sign-in reaches the charts and the failing addresses, which open the audit log filtered to it", async ({
  page,
  browser,
}) => {
  const refusals: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().includes("Content Security Policy")) refusals.push(m.text());
  });
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.goto("/admin");
  const before = await failedInRange(page);

  // Someone else types a wrong password for the new hire.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signIn(stranger, TARGET, "surely this is the one 1");
  await expect(stranger.getByText("The email address or password is not right.")).toBeVisible();
  await other.close();

  // The tally reaches the database within a few seconds; the audit-based lists at once.
  await expect
    .poll(
      async () => {
        await page.reload();
        return failedInRange(page);
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBeGreaterThan(before);
  const charts = page.getByTestId("dashboard-sign-ins");
  await expect(charts.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await charts.getByText("Show the figures as a table").click();
  await expect(charts.getByTestId("sign-in-table").locator("tbody tr")).toHaveCount(24);
  await expectNoAxeViolations(page);

  await charts.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\/admin\?range=7d$/);
  await expect(charts.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await charts.getByText("Show the figures as a table").click();
  await expect(charts.getByTestId("sign-in-table").locator("tbody tr")).toHaveCount(28);

  expect(refusals, "the charts draw without a Content Security Policy refusal").toEqual([]);
  await page.getByTestId("dashboard-top-accounts").getByRole("link", { name: TARGET }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?subject=target%40overview-e2e\.test&result=failure&from=\d{4}-/);
  // The audit log reads the link's filters: the wrong password is listed.
  await expect(page.getByRole("row").filter({ hasText: TARGET }).first()).toBeVisible();
});

test.afterAll(() => {
  cli(["auth", "twoFactor", "require", "domain", "overview-e2e.test", "false"]);
});
