import { expect, test } from "@playwright/test";
import { card, listed, row } from "./support/credential-pages";
import { cli, createAccount } from "./support/server";
import { signIn } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";

// Access that must end: a password change or an admin reset takes the service credentials along
// (unless kept), and a credential an administrator disabled stays off for its owner.
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "revocation-admin@example.com", password: "granite owl reading maps 314" };

test.beforeAll(() => {
  // This story is not about the administrators' second factor (foundation.spec covers it).
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
});

const CAROL = { email: "credentials-carol@example.com", password: "copper kettle on a winter stove 7" };
const DAVE = { email: "credentials-dave@example.com", password: "paper boats along the canal 42" };
const ERIN = { email: "credentials-erin@example.com", password: "willow baskets by the market 9" };

function addCredential(email: string, service: string, label: string): { id: string; password: string } {
  const r = cli(["auth", "credential", "add", email, "service", service, "label", label, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  const added = JSON.parse(r.stdout) as { list: { id: string }; text_data: { password: string } };
  return { id: added.list.id, password: added.text_data.password };
}

test("changing one's password signs out the app passwords too when left ticked, so a WebUI one stops working", async ({
  page,
  browser,
}) => {
  createAccount(CAROL.email, CAROL.password);
  const kiosk = addCredential(CAROL.email, "WebUI", "Hall kiosk");

  const other = await browser.newContext({ baseURL: E2E_BASE_URL });
  const kioskPage = await other.newPage();
  await signIn(kioskPage, CAROL.email, kiosk.password);
  await expect(kioskPage).toHaveURL(/\/account$/);

  await signIn(page, CAROL.email, CAROL.password);
  await expect(page).toHaveURL(/\/account$/);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Change password" }) });
  const signOutToo = form.getByLabel("Also sign out my app passwords and devices (1)");
  await expect(signOutToo).toBeChecked();
  const newPassword = "copper kettle on a summer stove 8";
  await form.getByLabel("Current password").fill(CAROL.password);
  await form.getByLabel(/^New password\W*$/).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Password changed. Other sessions were signed out. 1 app password or device was signed out too."),
  ).toBeVisible();
  await expect(form.getByLabel(/Also sign out my app passwords/)).toHaveCount(0);
  CAROL.password = newPassword;

  // The kiosk's web session has ended, and the app password no longer signs in.
  await kioskPage.goto("/account");
  await expect(kioskPage).toHaveURL(/\/login$/);
  await signIn(kioskPage, CAROL.email, kiosk.password);
  await expect(kioskPage.getByText("The email address or password is not right.")).toBeVisible();
  await other.close();
  expect(listed(CAROL.email)).toEqual([]);
});

test("a credential an administrator disabled shows so in the portal, with no Enable button", async ({ page }) => {
  createAccount(ERIN.email, ERIN.password);
  const phone = addCredential(ERIN.email, "EAS", "Car phone");
  addCredential(ERIN.email, "IMAP", "Own laptop");
  expect(cli(["auth", "credential", "update", ERIN.email, phone.id, "enabled", "false"]).code).toBe(0);

  await signIn(page, ERIN.email, ERIN.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/credentials");
  await expect(row(page, "Car phone")).toContainText("Disabled by an administrator");
  await expect(row(page, "Car phone").getByRole("button", { name: "Enable Car phone" })).toHaveCount(0);
  await expect(row(page, "Car phone").getByRole("button", { name: "Delete Car phone" })).toBeVisible();

  // Their own switch-off they can undo.
  await row(page, "Own laptop").getByRole("button", { name: "Disable Own laptop" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(row(page, "Own laptop")).toContainText("Disabled");
  await expect(row(page, "Own laptop")).not.toContainText("by an administrator");
  await row(page, "Own laptop").getByRole("button", { name: "Enable Own laptop" }).click();
  await expect(row(page, "Own laptop")).toContainText("Active");
  expect(listed(ERIN.email).map((c) => [c.label, c.enabled])).toEqual([
    ["Own laptop", true],
    ["Car phone", false],
  ]);
});

test("the admin's resets say how many app passwords and devices they sign out, and offer to keep them", async ({ page }) => {
  createAccount(DAVE.email, DAVE.password);
  addCredential(DAVE.email, "IMAP", "Mail on laptop");
  addCredential(DAVE.email, "EAS", "Phone");
  const user = JSON.parse(cli(["user", "get", DAVE.email, "--json"]).stdout) as { id: string };
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.goto(`/admin/users/${user.id}`);

  // The 2FA reset, keeping the credentials.
  await page.getByRole("button", { name: "Reset 2FA" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("This also signs out 2 app passwords and devices");
  const keepInDialog = dialog.getByLabel("Keep app passwords and mobile devices");
  await expect(keepInDialog).not.toBeChecked();
  await keepInDialog.check();
  await dialog.getByRole("button", { name: "Reset 2FA" }).click();
  await expect(page.getByText(`Two-step sign-in was reset for ${DAVE.email}. Their app passwords and devices were kept.`)).toBeVisible();
  expect(listed(DAVE.email)).toHaveLength(2);

  // The password reset, with the box left as it is (off): the credentials go, and so does the
  // auth link made after the 2FA reset.
  const link = JSON.parse(cli(["auth", "link", "create", DAVE.email, "--json"]).stdout) as { id: string };
  const reset = card(page, "Reset password");
  await expect(reset).toContainText("This also signs out 2 app passwords and devices");
  await expect(reset.getByLabel("Keep app passwords and mobile devices")).not.toBeChecked();
  await reset.getByLabel("New password").fill("paper boats along the river 43");
  await reset.getByRole("button", { name: "Set password" }).click();
  await expect(
    reset.getByText(
      "Password set. The user was signed out everywhere. 2 app passwords and devices were revoked. Their pending auth link was revoked too.",
    ),
  ).toBeVisible();
  const { links } = JSON.parse(cli(["auth", "link", "list", DAVE.email, "--json"]).stdout) as { links: { id: string; state: string }[] };
  expect(links.find((l) => l.id === link.id)?.state).toBe("revoked");
  expect(listed(DAVE.email)).toEqual([]);
  await expect(reset).toContainText("The user has no app passwords or devices to sign out.");
  await expect(reset.getByLabel("Keep app passwords and mobile devices")).toHaveCount(0);
});
