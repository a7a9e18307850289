import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { computeTotp } from "@/lib/two-factor/devices/totp-code";
import { cli, createAccount, resetThrottle } from "./support/server";
import { insertTrustedDevice } from "./support/trusted-devices";
import { signIn } from "./support/flows";
import { expectNoAxeViolations } from "./support/accessibility";
import { E2E_BASE_URL } from "./support/ports";

// The security page, end to end: a user enrols an authenticator app by reading the key off the
// page, sees the recovery codes once, manages devices, codes, trusted devices and sessions; then
// an admin resets the user's 2FA. The user signs in once, before enrolling, and keeps that tab,
// so this story never depends on the OTP step (the two-factor spec covers that).
test.describe.configure({ mode: "serial" });

const USER = { email: "sec-user@security.test", password: "orange kites over the harbour" };
const ADMIN = { email: "sec-admin@security.test", password: "granite stairs under moonlight" };
const SHA1_6_30 = { algorithm: "SHA1", digits: 6, period: 30 } as const;

let userContext: BrowserContext;
let user: Page; // the tab that enrols
let otherContext: BrowserContext;
let other: Page; // a second signed-in browser of the same user
let firstCodes: string[] = [];

async function signedInPage(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/(account|admin\/users)$/);
  return { context, page };
}

const recoveryCodesOn = async (page: Page) => page.getByTestId("recovery-code").allInnerTexts();
const userId = () => JSON.parse(cli(["user", "get", USER.email, "--json"]).stdout).id as string;

test.beforeAll(async ({ browser }) => {
  // This story is not about the administrators' second factor (foundation.spec covers it).
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  resetThrottle();
  createAccount(USER.email, USER.password);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  ({ context: otherContext, page: other } = await signedInPage(browser, USER.email, USER.password));
  ({ context: userContext, page: user } = await signedInPage(browser, USER.email, USER.password));
});

test.afterAll(async () => {
  await userContext?.close();
  await otherContext?.close();
});

test("a user enrols an authenticator app from the key on the page and sees the recovery codes once", async () => {
  await userContext.grantPermissions(["clipboard-read", "clipboard-write"]);
  await user.getByRole("link", { name: "Security" }).click();
  await expect(user).toHaveURL(/\/account\/security$/);
  await expect(user.getByText("No authenticator app")).toBeVisible();
  await expectNoAxeViolations(user);

  await user.getByRole("button", { name: "Add an authenticator app" }).click();
  await user.getByLabel("Device name").fill("Pixel phone");
  await user.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(user.getByTestId("totp-qr").locator("svg")).toBeVisible();
  const secret = (await user.getByTestId("totp-secret").innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code is refused and the device stays off.
  const now = Date.now();
  const valid = new Set([-1, 0, 1].map((step) => computeTotp(secret, SHA1_6_30, now + step * 30_000)));
  const wrong = ["000000", "111111", "222222", "333333"].find((c) => !valid.has(c))!;
  await user.getByLabel("Code from the app").fill(wrong);
  await user.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(user.getByLabel("Code from the app")).toHaveAccessibleDescription(/not right/);

  await user.getByLabel("Code from the app").fill(computeTotp(secret, SHA1_6_30, Date.now()));
  await user.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(user.getByTestId("recovery-codes")).toBeVisible();
  firstCodes = await recoveryCodesOn(user);
  expect(firstCodes).toHaveLength(12);
  for (const code of firstCodes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);

  // Print opens the browser's print dialog (stubbed here); Copy puts every code on the clipboard.
  await user.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await user.getByRole("button", { name: "Print" }).click();
  await expect(user.locator("body")).toHaveAttribute("data-printed", "yes");
  await user.getByRole("button", { name: "Copy recovery codes" }).click();
  await expect(user.getByRole("button", { name: "Copy recovery codes" })).toHaveText("Copied");
  expect(await user.evaluate(() => navigator.clipboard.readText())).toBe(firstCodes.join("\n"));

  await user.getByRole("button", { name: "Done, I have saved these codes" }).click();
  await expect(user.getByTestId("recovery-codes")).toHaveCount(0);
  const devices = user.getByTestId("totp-devices");
  await expect(devices.getByRole("row", { name: /Pixel phone/ })).toContainText("On");
  await expect(user.getByTestId("recovery-status")).toHaveText(/12 of 12 recovery codes left/);

  // Shown once: after a reload neither the key nor the codes are anywhere on the page.
  await user.reload();
  await expect(devices.getByRole("row", { name: /Pixel phone/ })).toBeVisible();
  await expect(user.getByTestId("recovery-codes")).toHaveCount(0);
  const html = await user.content();
  expect(html).not.toContain(secret);
  expect(html).not.toContain(firstCodes[0]);
  const listed = JSON.parse(cli(["auth", "totp", "list", USER.email, "--json"]).stdout);
  expect(listed.devices.map((d: { label: string; enabled: boolean }) => [d.label, d.enabled])).toEqual([["Pixel phone", true]]);
});

test("a second app with advanced options brings no new codes, and can be deleted after a confirm", async () => {
  await user.getByRole("button", { name: "Add an authenticator app" }).click();
  await user.getByLabel("Device name").fill("Work tablet");
  await user.getByText("Advanced options").click();
  await user.getByLabel("Algorithm").selectOption("SHA256");
  await user.getByLabel("Digits").selectOption("8");
  await user.getByLabel("New code every").selectOption("60");
  await user.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(user.getByText("SHA256 · 8 digits · every 60 seconds")).toBeVisible();
  const secret = (await user.getByTestId("totp-secret").innerText()).trim();
  // The code of the next time step: inside the ±1 window, so it is accepted too.
  const code = computeTotp(secret, { algorithm: "SHA256", digits: 8, period: 60 }, Date.now() + 60_000);
  await user.getByLabel("Code from the app").fill(code);
  await user.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(user.getByText("Authenticator app added.")).toBeVisible();
  await expect(user.getByTestId("recovery-codes")).toHaveCount(0);
  const devices = user.getByTestId("totp-devices");
  await expect(devices.getByRole("row", { name: /Work tablet/ })).toContainText("SHA256 · 8 digits · 60 s");

  await devices.getByRole("button", { name: "Delete Work tablet" }).click();
  const dialog = user.getByRole("alertdialog");
  await expect(dialog).toContainText("Codes from this device stop working");
  await dialog.getByRole("button", { name: "Delete device" }).click();
  await expect(devices.getByRole("row", { name: /Work tablet/ })).toHaveCount(0);
  await expect(devices.getByRole("row", { name: /Pixel phone/ })).toBeVisible();
  await expect(user.getByTestId("recovery-status")).toHaveText(/12 of 12/);
});

test("regenerating recovery codes shows a new set once and replaces the old one", async () => {
  await user.getByRole("button", { name: "Regenerate recovery codes" }).click();
  await user.getByRole("alertdialog").getByRole("button", { name: "Make new codes" }).click();
  await expect(user.getByTestId("recovery-codes")).toBeVisible();
  const fresh = await recoveryCodesOn(user);
  expect(fresh).toHaveLength(12);
  expect(fresh.filter((c) => firstCodes.includes(c))).toEqual([]);
  await user.getByRole("button", { name: "Done, I have saved these codes" }).click();
  await expect(user.getByTestId("recovery-codes")).toHaveCount(0);
});

test("trusted devices are listed and can be revoked", async () => {
  const id = userId();
  for (const [description, ip] of [
    ["Firefox on Linux", "192.0.2.44"],
    ["Safari on iPhone", "192.0.2.45"],
  ]) {
    insertTrustedDevice(id, { description, ip, days: 30 });
  }
  await user.reload();
  const trusted = user.getByTestId("trusted-devices");
  await expect(trusted.getByRole("row", { name: /Firefox on Linux/ })).toContainText("192.0.2.44");
  await trusted.getByRole("button", { name: "Revoke Firefox on Linux" }).click();
  await user.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(trusted.getByRole("row", { name: /Firefox on Linux/ })).toHaveCount(0);
  await expect(trusted.getByRole("row", { name: /Safari on iPhone/ })).toBeVisible();
  expect(JSON.parse(cli(["auth", "trustedDevice", "list", USER.email, "--json"]).stdout).devices).toHaveLength(1);
});

test("the sessions list marks this browser and signs the other one out", async () => {
  const sessions = user.getByTestId("sessions");
  await expect(sessions.getByRole("row")).toHaveCount(3); // header + two browsers
  const current = sessions.getByRole("row").filter({ hasText: "This device" });
  await expect(current).toHaveCount(1);
  await expect(current.getByRole("button", { name: /Sign out/ })).toHaveCount(0);
  const otherRow = sessions
    .getByRole("row")
    .filter({ hasNotText: "This device" })
    .filter({ has: user.getByRole("button") });
  await expect(otherRow).toContainText("127.0.0.1");
  await expectNoAxeViolations(user); // every list filled: authenticators, trusted devices, sessions
  await otherRow.getByRole("button", { name: /Sign out/ }).click();
  await user.getByRole("alertdialog").getByRole("button", { name: "Sign out" }).click();
  await expect(sessions.getByRole("row")).toHaveCount(2);

  await other.goto("/account/security");
  await expect(other).toHaveURL(/\/login$/);
});

test("an admin sees the user's 2FA, resets it, and the user is signed out", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.goto(`/admin/users/${userId()}`);
  const devices = page.getByTestId("totp-devices");
  await expect(devices.getByRole("row", { name: /Pixel phone/ })).toBeVisible();
  await expect(page.getByTestId("admin-recovery-status")).toHaveText(/12 of 12/);
  await expect(page.getByTestId("trusted-devices").getByRole("row", { name: /Safari on iPhone/ })).toBeVisible();

  await page.getByRole("button", { name: "Reset 2FA" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("signed out everywhere");
  await dialog.getByRole("button", { name: "Reset 2FA" }).click();
  await expect(page.getByText(`Two-step sign-in was reset for ${USER.email}.`)).toBeVisible();
  await expect(page.getByText("This user has not set up an authenticator app.")).toBeVisible();
  await expect(page.getByText("No trusted devices")).toBeVisible();

  const listed = JSON.parse(cli(["auth", "totp", "list", USER.email, "--json"]).stdout);
  expect(listed).toMatchObject({ devices: [], recoveryCodes: { total: 0, unused: 0 } });

  // The user's own tab was signed out by the reset; without a device, the password alone works again.
  await user.goto("/account/security");
  await expect(user).toHaveURL(/\/login$/);
  await signIn(user, USER.email, USER.password);
  await expect(user).toHaveURL(/\/account$/);
  await user.goto("/account/security");
  await expect(user.getByText("No authenticator app")).toBeVisible();
});
