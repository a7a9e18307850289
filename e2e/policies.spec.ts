import { expect, test, type Page } from "@playwright/test";
import { cli, createAccount } from "./support/server";
import { expectNoAxeViolations } from "./support/accessibility";
import { signIn } from "./support/flows";

// An admin sets a domain's WebUI policy in the console, is stopped by a bad CIDR, sees the saved
// policy listed, then requires 2FA for the domain and for one user. Only a domain of this spec is
// changed: global policies and the trusted-device lifetime are shared with every other spec.
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "policies-admin@policies.example", password: "tangerine lighthouse keeper 77" };
const BOB = { email: "policies-bob@policies-other.example", password: "quiet meadow sparrow 4242" };
const DOMAIN = "policies-other.example";

test.beforeAll(() => {
  // This story is not about the administrators' second factor (foundation.spec covers it).
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  createAccount(BOB.email, BOB.password);
});

function storedWebUiPolicy() {
  const r = cli(["auth", "policy", "list", "domain", DOMAIN, "service", "WebUI", "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).policies[0] as {
    explicit: { twoFactorPolicy: number; trustedIpRanges: string[]; ipCanChange: boolean } | null;
  };
}

async function openPolicies(page: Page) {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("link", { name: "2FA policies" }).click();
  await expect(page.getByRole("heading", { name: "2FA policies", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Domain", { exact: true }).selectOption(DOMAIN);
  await page.getByRole("button", { name: "Show domain" }).click();
  await expect(page).toHaveURL(/\?domain=policies-other\.example$/);
}

test("the admin sets a domain's WebUI policy; a bad CIDR is refused on its field and nothing is stored", async ({ page }) => {
  await openPolicies(page);
  const row = page.getByTestId("policy-row-WebUI");
  await expect(page.getByRole("columnheader", { name: `Domain ${DOMAIN}` })).toBeVisible();
  const [globalCell, domainCell] = [row.getByRole("cell").nth(0), row.getByRole("cell").nth(1)];
  await expect(domainCell).toContainText(/Follows global|Default/);

  await row.getByRole("button", { name: `Edit WebUI policy, domain ${DOMAIN}` }).click();
  const form = page.locator("form", { has: page.getByRole("button", { name: "Save policy" }) });
  await expect(form.getByRole("heading", { name: `Edit policy: WebUI, domain ${DOMAIN}` })).toBeVisible();
  await form.getByRole("radio", { name: /^2: Required; trusted devices skip it/ }).check();
  const ranges = form.getByLabel("Trusted IP ranges", { exact: true });
  await ranges.fill("10.0.0.0/8, 192.168.1.1/24");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(ranges).toHaveAccessibleDescription(/"192\.168\.1\.1\/24": host bits are set; did you mean 192\.168\.1\.0\/24\?/);
  await expect(ranges).toHaveValue("10.0.0.0/8, 192.168.1.1/24");
  await expect(form.getByRole("radio", { name: /^2:/ })).toBeChecked();
  expect(storedWebUiPolicy().explicit).toBeNull();

  await ranges.fill("10.0.0.0/8, 2001:DB8::/32");
  await form.getByLabel(/^IP may change/).uncheck();
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText(`WebUI policy saved (domain ${DOMAIN}).`)).toBeVisible();
  await expect(domainCell).toContainText("Required; trusted devices skip it");
  await expect(domainCell).toContainText("Trusted IP ranges: 10.0.0.0/8, 2001:db8::/32");
  await expect(domainCell).toContainText("IP may change: no");
  await expect(domainCell).toContainText("Set for this domain");
  await expect(globalCell).not.toContainText("Set for this domain");
  expect(storedWebUiPolicy().explicit).toEqual({
    twoFactorPolicy: 2,
    trustedIpRanges: ["10.0.0.0/8", "2001:db8::/32"],
    ipCanChange: false,
  });

  // It is still listed after a reload, and "Use global" removes the domain's own setting.
  await page.reload();
  await expect(domainCell).toContainText("Set for this domain");
  await row.getByRole("button", { name: `Use the global WebUI policy for ${DOMAIN}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Use global" }).click();
  await expect(domainCell).toContainText(/Follows global|Default/);
  expect(storedWebUiPolicy().explicit).toBeNull();
});

test("the admin requires 2FA for the domain, with a grace period, and for one user", async ({ page }) => {
  await openPolicies(page);
  const card = page.locator("section", { has: page.getByRole("heading", { name: `Require 2FA: ${DOMAIN}` }) });
  await card.getByLabel("Require 2FA for every account").check();
  await card.getByLabel("Grace days").fill("91");
  await card.getByRole("button", { name: "Save requirement" }).click();
  await expect(card.getByLabel("Grace days")).toHaveAccessibleDescription(/Enter 0 to 90 days\./);
  await expect(card.getByLabel("Require 2FA for every account")).toBeChecked();
  expect(JSON.parse(cli(["auth", "twoFactor", "status", "domain", DOMAIN, "--json"]).stdout).required).toBe(false);

  await card.getByLabel("Grace days").fill("10");
  await card.getByRole("button", { name: "Save requirement" }).click();
  await expect(card.getByText(`2FA is now required for every account of ${DOMAIN}.`)).toBeVisible();
  const status = JSON.parse(cli(["auth", "twoFactor", "status", "domain", DOMAIN, "--json"]).stdout);
  expect(status).toMatchObject({ required: true, graceDays: 10, userCount: 1 });

  const bob = JSON.parse(cli(["user", "get", BOB.email, "--json"]).stdout) as { id: string };
  await page.goto(`/admin/users/${bob.id}`);
  const facts = page.getByTestId("two-factor-requirement");
  await expect(facts).toContainText(`For domain ${DOMAIN}Required for every account`);
  await expect(facts).toContainText("For this accountNot required");
  await expect(facts).toContainText("in grace period");
  await expectNoAxeViolations(page);
  await page.getByLabel("Require 2FA for this user").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("2FA is now required for this user.")).toBeVisible();
  await expect(facts).toContainText("For this accountRequired");
  const user = JSON.parse(cli(["auth", "twoFactor", "status", BOB.email, "--json"]).stdout);
  expect(user).toMatchObject({ required: true, userRequires: true, domainRequires: true, inGrace: true });
});

test("the admin switches the administrators' second-factor requirement in the console", async ({ page }) => {
  await openPolicies(page);
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Administrators", exact: true }) });
  const box = card.getByLabel("Require a second factor for administrators");
  await expect(box).not.toBeChecked();
  await box.check();
  await card.getByRole("button", { name: "Save for administrators" }).click();
  await expect(card.getByText("Administrators now need a second factor.")).toBeVisible();
  expect(JSON.parse(cli(["auth", "twoFactor", "status", "admins", "--json"]).stdout).required).toBe(true);
  await expect(box).toBeChecked();
  await box.uncheck();
  await card.getByRole("button", { name: "Save for administrators" }).click();
  await expect(card.getByText("Administrators no longer need a second factor.")).toBeVisible();
  expect(JSON.parse(cli(["auth", "twoFactor", "status", "admins", "--json"]).stdout).required).toBe(false);
});
