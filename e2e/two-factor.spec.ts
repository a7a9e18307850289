import { expect, test, type Page } from "@playwright/test";
import { computeTotp } from "@/lib/two-factor/devices/totp-code";
import { expectNoAxeViolations } from "./support/accessibility";
import { cli, createAccount, resetThrottle, sql } from "./support/server";
import { signIn, signOut } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";

// Sign-in with a second factor, end to end: enrolment forced by an admin, the OTP step, trusted
// devices, recovery codes, trusted IP ranges, and the account lock.
test.describe.configure({ mode: "serial" });

const options = { algorithm: "SHA1", digits: 6, period: 30 } as const;
const USER = { email: "tf-carol@twofactor.test", password: "a meadow of quiet lanterns" };
let secret = "";
let recoveryCodes: string[] = [];
/** A code for the next time step: the ±1 window accepts it, and it was never used before. */
const freshCode = (offsetSteps = 1) => computeTotp(secret, options, Date.now() + offsetSteps * 30_000);

test.beforeEach(() => resetThrottle());

async function passwordStep(page: Page) {
  await signIn(page, USER.email, USER.password);
  await page.waitForURL(/\/(login\/\w+|account|admin\/users)$/);
}

test("an admin requires 2FA: the user is sent to enrolment right after the password", async ({ page }) => {
  createAccount(USER.email, USER.password);
  const required = cli(["auth", "twoFactor", "require", USER.email, "true"]);
  expect(required.code, required.stderr).toBe(0);

  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await page.getByLabel("Device name").fill("Carol's phone");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoAxeViolations(page);
  await page
    .getByLabel(/code/i)
    .first()
    .fill(computeTotp(secret, options, Date.now()));
  await page
    .getByRole("button", { name: /verify|enable|confirm/i })
    .first()
    .click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes).toBeVisible();
  recoveryCodes = (await codes.innerText()).match(/[0-9a-z]{5}-[0-9a-z]{5}/g) ?? [];
  expect(recoveryCodes).toHaveLength(12);
  await page.getByRole("button", { name: "Done, I have saved these codes" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("the OTP step refuses a wrong code, accepts a right one, and can trust the device", async ({ page }) => {
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/otp$/);
  await expect(page.getByRole("heading", { name: "Enter your code", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Code")).toHaveAccessibleDescription(/not right/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Code").fill(freshCode(1));
  await page.getByLabel("Trust this device and IP address").check();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  // Trusted: no code this time.
  await passwordStep(page);
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  // Revoked: the code is asked for again.
  expect(cli(["auth", "trustedDevice", "delete", USER.email, "all"]).code).toBe(0);
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/otp$/);
});

test("the OTP step cannot be reached without the password step", async ({ page }) => {
  await page.goto("/login/otp");
  await expect(page).toHaveURL(/\/login$/);
});

test("a recovery code works once", async ({ page, context }) => {
  await context.clearCookies();
  await passwordStep(page);
  await page.getByLabel("Code").fill(recoveryCodes[0].toUpperCase());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  await passwordStep(page);
  await page.getByLabel("Code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Code")).toHaveAccessibleDescription(/not right/);
});

test("a spoofed X-Forwarded-For does not make the client look trusted", async ({ browser }) => {
  expect(
    cli(["auth", "policy", "set", "WebUI", "domain", "twofactor.test", "2fa_policy", "1", "trusted_ip_range", "10.0.0.0/8"]).code,
  ).toBe(0);
  const spoofing = await browser.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { "X-Forwarded-For": "10.1.2.3" } });
  const page = await spoofing.newPage();
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/otp$/);
  await spoofing.close();
});

test("a trusted IP range skips the OTP step under policy 1", async ({ page, context }) => {
  await context.clearCookies();
  const set = cli(["auth", "policy", "set", "WebUI", "domain", "twofactor.test", "2fa_policy", "1", "trusted_ip_range", "127.0.0.0/8"]);
  expect(set.code, set.stderr).toBe(0);
  await passwordStep(page);
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);
  expect(cli(["auth", "policy", "set", "WebUI", "domain", "twofactor.test", "2fa_policy", "2", "trusted_ip_range", ""]).code).toBe(0);
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/otp$/);
});

test("the account locks after 100 failures in a row, says nothing, and an admin unlocks it", async ({ page, browser }) => {
  const admin = createAccount("tf-admin@tf-admins.test", "an admin who guards the gate", { admin: true }); // outside the 2FA domain
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0); // the admin's own 2FA is not the point here
  // Arrange 99 earlier failures directly; the 100th comes through the browser.
  sql(`UPDATE "User" SET "failedLoginCount" = 99 WHERE "email" = ?`, USER.email);
  await signIn(page, USER.email, "not the right password at all");
  await expect(page.getByText("The email address or password is not right.")).toBeVisible();
  resetThrottle();
  await signIn(page, USER.email, USER.password);
  await expect(page.getByText("The email address or password is not right.")).toBeVisible();

  const adminPage = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
  await signIn(adminPage, admin.email, admin.password);
  await expect(adminPage).toHaveURL(/\/admin\/users$/);
  await adminPage.getByLabel("Search users").fill(USER.email);
  await adminPage.getByRole("link", { name: USER.email }).click();
  await expect(adminPage.getByText("locked", { exact: true })).toBeVisible();
  await adminPage.getByRole("button", { name: "Unlock" }).click();
  await adminPage.getByRole("alertdialog").getByRole("button", { name: "Enable" }).click();
  // The status badge and the action buttons change once the unlock is done.
  await expect(adminPage.getByText("active", { exact: true })).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Disable" })).toBeVisible();

  resetThrottle();
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/otp$/);
});
