import { expect, test, type Page } from "@playwright/test";
import { cli, createAccount, resetThrottle, sql } from "./support/server";
import { nextCode, signIn } from "./support/flows";

// "Sudo mode": more than 10 minutes after the last password or code, a sensitive change opens the
// re-authentication dialog, and the change goes through once the person confirmed it's them,
// without filling the form again.
test.describe.configure({ mode: "serial" });

const ANN = { email: "step-ann@stepup.test", password: "copper bells in the harbour fog" };
const BEN = { email: "step-ben@stepup.test", password: "seven owls on a mossy wall" };

test.beforeAll(() => {
  resetThrottle();
  createAccount(ANN.email, ANN.password);
  createAccount(BEN.email, BEN.password);
});

/** Moves the user's last proof 11 minutes into the past, as if they had been away. */
function proofGoesStale(email: string) {
  const eleven = new Date(Date.now() - 11 * 60_000).toISOString().replace("Z", "+00:00");
  sql(`UPDATE "Session" SET "verifiedAt" = ? WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`, eleven, email);
}

const credentials = (email: string) =>
  (JSON.parse(cli(["auth", "credential", "list", email, "--json"]).stdout) as { list: { label: string }[] }).list;

async function focusedLabel(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? "";
  });
}

test("a stale proof: creating an app password asks for the password, then creates it without re-submitting (keyboard only)", async ({
  page,
}) => {
  await signIn(page, ANN.email, ANN.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/credentials");
  proofGoesStale(ANN.email);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Create app password" }) });
  await form.getByLabel("Label for the app password").fill("Mail at home");
  await form.getByLabel(/^IMAP/).check();
  await form.getByRole("button", { name: "Create app password" }).focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("alertdialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Password")).toBeFocused();
  await expect(dialog.getByRole("button", { name: "Use a code instead" })).toHaveCount(0); // no authenticator app

  // Escape closes it; nothing was created and the form says why.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(form.getByText("Confirm it's you to continue")).toBeVisible();
  await expect(form.getByLabel("Label for the app password")).toHaveValue("Mail at home");
  expect(credentials(ANN.email)).toEqual([]);

  // Again: a wrong password is refused inside the dialog, the right one finishes the creation.
  await form.getByRole("button", { name: "Create app password" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("not my password at all");
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Password")).toHaveAccessibleDescription(/That password is not right/);
  await expect(dialog.getByLabel("Password")).toBeFocused();
  expect(await focusedLabel(page)).toContain("Password");
  await page.keyboard.type(ANN.password);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId("secret-value")).toHaveText(/^([0-9a-z]{4}-){6}[0-9a-z]{4}$/);
  expect(credentials(ANN.email).map((c) => c.label)).toEqual(["Mail at home"]);

  // The proof is fresh now: the next creation needs no dialog.
  const mobile = page.locator("form", { has: page.getByRole("button", { name: "Create mobile password" }) });
  await mobile.getByLabel("Label for the mobile password").fill("Work phone");
  await mobile.getByRole("button", { name: "Create mobile password" }).click();
  await expect(page.locator("tr", { has: page.getByText("Work phone", { exact: true }) })).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(
    credentials(ANN.email)
      .map((c) => c.label)
      .sort(),
  ).toEqual(["Mail at home", "Work phone"]);
});

test("a user with an authenticator app confirms with a code to regenerate recovery codes", async ({ page }) => {
  const generated = cli(["auth", "totp", "generate", BEN.email, "--json"]);
  expect(generated.code, generated.stderr).toBe(0);
  const { secret, recoveryCodes } = JSON.parse(generated.stdout) as { secret: string; recoveryCodes: string[] };
  // Signed in with a recovery code, so the authenticator's next code is still unused for the dialog.
  await signIn(page, BEN.email, BEN.password);
  await expect(page).toHaveURL(/\/login\/otp$/);
  await page.getByLabel("Code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  proofGoesStale(BEN.email);

  await page.getByRole("button", { name: "Regenerate recovery codes" }).click();
  await page.getByRole("alertdialog", { name: "Make new recovery codes?" }).getByRole("button", { name: "Make new codes" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Use a code instead" }).click();
  await expect(dialog.getByLabel("Code")).toBeFocused();
  await page.keyboard.type(nextCode(secret));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId("recovery-code")).toHaveCount(12);
  const fresh = await page.getByTestId("recovery-code").allInnerTexts();
  expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
});
