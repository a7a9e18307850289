import { expect, test, type Locator, type Page } from "@playwright/test";
import { computeTotp } from "@/lib/two-factor/devices/totp-code";
import { cli, createAccount, resetThrottle } from "./support/server";
import { hydrated, nextCode, signIn } from "./support/flows";

// Someone without a mouse: every step below uses only the keyboard (Tab, Shift+Tab, Enter, Space,
// Escape and typing). Focus must always be visible and never get stuck.
test.describe.configure({ mode: "serial" });

const USER = { email: "keys-kim@keyboard.test", password: "a keyboard without any mouse" };

test.beforeAll(() => resetThrottle());

/** What has focus: its accessible text (label, aria-label or content), and whether the focus ring shows. */
async function focused(page: Page): Promise<{ name: string; visible: boolean; inDialog: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: "", visible: false, inDialog: false };
    const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    const name = (el.getAttribute("aria-label") ?? labelled ?? el.textContent ?? "").replace(/\s+/g, " ").trim();
    return { name, visible: el.matches(":focus-visible"), inDialog: !!el.closest("dialog[open]") };
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until focus is on `target` (an element, or a name the focused
 * element's text matches), checking that every stop on the way shows its focus.
 */
async function tabTo(page: Page, target: RegExp | Locator, key: "Tab" | "Shift+Tab" = "Tab", maxStops = 40) {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now.name) expect(now.visible, `focus on "${now.name}" is visible`).toBe(true);
    const reached =
      target instanceof RegExp ? target.test(now.name) : await target.evaluate((el) => el === document.activeElement).catch(() => false);
    if (reached) return;
  }
  throw new Error(`${String(target)} was not reached with ${key} in ${maxStops} stops`);
}

test("sign-in, the authenticator step and a confirm dialog work with the keyboard alone", async ({ page, browser }) => {
  createAccount(USER.email, USER.password);
  expect(cli(["auth", "twoFactor", "require", USER.email, "true"]).code).toBe(0);

  // Password step: from the top of the page into the fields, Enter submits.
  await page.goto("/login");
  await hydrated(page);
  await tabTo(page, /^Email address/);
  await page.keyboard.type(USER.email);
  await page.keyboard.press("Tab");
  expect((await focused(page)).name).toMatch(/^Password/);
  await page.keyboard.type(USER.password);
  await page.keyboard.press("Enter");

  // Enrolment: the key is shown as text, so no camera is needed.
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await tabTo(page, /^Device name/);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Keyboard phone");
  await page.keyboard.press("Enter");
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  // The code field takes focus by itself once the key is shown.
  await expect(page.getByLabel("Code from the app")).toBeFocused();
  await page.keyboard.type(computeTotp(secret, { algorithm: "SHA1", digits: 6, period: 30 }, Date.now()));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  const recoveryCode = (await page.getByTestId("recovery-codes").innerText()).match(/[0-9a-z]{5}-[0-9a-z]{5}/)?.[0] ?? "";
  expect(recoveryCode).not.toBe("");
  await tabTo(page, /^Done, I have saved these codes/);
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\/account$/);

  // Sign out from the header, then sign in again through the code step.
  await tabTo(page, /^Sign out$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login$/);
  await tabTo(page, /^Email address/);
  await page.keyboard.type(USER.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(USER.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login\/otp$/);
  await expect(page.getByLabel("Code")).toBeFocused();
  await page.keyboard.type(nextCode(secret));
  // Shift+Tab leaves the field and Tab comes back to it: no trap either way.
  await page.keyboard.press("Shift+Tab");
  await tabTo(page, /^Code/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);

  // A second browser, so there is another session to sign out (with a recovery code: both codes
  // of this time window are used).
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, USER.email, USER.password);
  await expect(other).toHaveURL(/\/login\/otp$/);
  await other.getByLabel("Code").fill(recoveryCode);
  await other.getByRole("button", { name: "Verify" }).click();
  await expect(other).toHaveURL(/\/account$/);

  await page.goto("/account/security");
  const sessions = page.getByTestId("sessions");
  await expect(sessions.getByRole("row")).toHaveCount(3);
  const signOutOther = sessions.getByRole("button", { name: /Sign out/ });
  await tabTo(page, signOutOther);

  // Enter opens the dialog with focus inside it, on the safe choice; Escape closes it and focus returns.
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  let now = await focused(page);
  expect(now.inDialog, "focus moved into the dialog").toBe(true);
  expect(now.visible, "focus in the dialog is visible").toBe(true);
  expect(now.name).toBe("Cancel");
  // Focus stays in the modal dialog: Tab and Shift+Tab cycle its buttons.
  await page.keyboard.press("Tab");
  expect((await focused(page)).inDialog).toBe(true);
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page)).inDialog).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(signOutOther).toBeFocused();
  await expect(sessions.getByRole("row")).toHaveCount(3);

  // Space opens it again; Tab to the confirm button and Enter signs the other browser out.
  await page.keyboard.press("Space");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  now = await focused(page);
  expect(now).toMatchObject({ name: "Sign out", inDialog: true, visible: true });
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(sessions.getByRole("row")).toHaveCount(2);

  await other.goto("/account/security");
  await expect(other).toHaveURL(/\/login$/);
  await otherContext.close();
});
