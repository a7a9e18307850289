import { expect, test } from "@playwright/test";
import { card, listed, row } from "./support/credential-pages";
import { cli, createAccount } from "./support/server";
import { signIn } from "./support/flows";
import { expectNoAxeViolations } from "./support/accessibility";
import { E2E_BASE_URL } from "./support/ports";

// Service credentials in the browser: the portal's three sections and list, the console's panel,
// and a WebUI credential at the sign-in page.
test.describe.configure({ mode: "serial" });

const ALICE = { email: "credentials-alice@example.com", password: "amber lighthouse over the bay 5" };
const BOB = { email: "credentials-bob@example.com", password: "silent glacier morning tea 81" };
const ADMIN = { email: "credentials-admin@example.com", password: "granite owl reading maps 314" };
const GENERATED = /^([0-9a-z]{4}-){6}[0-9a-z]{4}$/;

test.beforeAll(() => {
  // This story is not about the administrators' second factor (foundation.spec covers it).
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ALICE.email, ALICE.password);
  createAccount(BOB.email, BOB.password);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
});

test("a user creates a mobile password and an app password, sees each once, disables and deletes them", async ({ page }) => {
  await signIn(page, ALICE.email, ALICE.password);
  await expect(page).toHaveURL(/\/account$/);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Credentials" }).click();
  await expect(page.getByRole("heading", { name: "Credentials", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no credentials yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Mobile passwords (Exchange ActiveSync)
  const mobile = card(page, "Mobile passwords (Exchange ActiveSync)");
  await mobile.getByLabel("Label for the mobile password").fill("Work phone");
  await mobile.getByRole("button", { name: "Create mobile password" }).click();
  const mobileSecret = (await mobile.getByTestId("secret-value").textContent())!.trim();
  expect(mobileSecret).toMatch(GENERATED);
  await expect(mobile.getByText("This is shown once. Store it now.")).toBeVisible();
  await expect(row(page, "Work phone")).toContainText("EAS");
  await expect(row(page, "Work phone")).toContainText("Active");
  await expect(row(page, "Work phone")).toContainText("Never");
  await expectNoAxeViolations(page); // the list, and the password shown once

  // App passwords: refusals keep the label, then a WebUI warning, then IMAP + SMTP with an expiry.
  const app = card(page, "App passwords");
  await app.getByLabel("Label for the app password").fill("Thunderbird");
  await app.getByRole("button", { name: "Create app password" }).click();
  await expect(app.getByText("Choose at least one service.")).toBeVisible();
  await expect(app.getByLabel("Label for the app password")).toHaveValue("Thunderbird");
  await expect(app.getByTestId("webui-warning")).toHaveCount(0);
  await app.getByLabel(/^WebUI/).check();
  await expect(app.getByTestId("webui-warning")).toContainText("without the second factor");
  await app.getByLabel(/^WebUI/).uncheck();
  await expect(app.getByTestId("webui-warning")).toHaveCount(0);
  await expect(app.getByLabel(/^WebAdminUI/)).toHaveCount(0);
  await app.getByLabel(/^IMAP/).check();
  await app.getByLabel("Expires (optional)").fill("2001-01-01");
  await app.getByRole("button", { name: "Create app password" }).click();
  await expect(app.getByText("The expiry must be in the future.")).toBeVisible();
  await expect(app.getByLabel(/^IMAP/)).toBeChecked();
  await app.getByLabel(/^SMTP/).check();
  const nextYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await app.getByLabel("Expires (optional)").fill(nextYear);
  await app.getByRole("button", { name: "Create app password" }).click();
  const appSecret = (await app.getByTestId("secret-value").textContent())!.trim();
  expect(appSecret).toMatch(GENERATED);
  expect(appSecret).not.toBe(mobileSecret);
  await expect(row(page, "Thunderbird")).toContainText("IMAP");
  await expect(row(page, "Thunderbird")).toContainText("SMTP");
  await expect(row(page, "Thunderbird")).toContainText("Expires");

  // Shown once: after a reload neither secret is anywhere on the page.
  await page.reload();
  await expect(row(page, "Thunderbird")).toBeVisible();
  await expect(page.getByTestId("secret-value")).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(mobileSecret);
  expect(html).not.toContain(appSecret);

  // Disable (with confirmation), enable again, disable for good.
  await row(page, "Work phone").getByRole("button", { name: "Disable Work phone" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(row(page, "Work phone")).toContainText("Disabled");
  expect(listed(ALICE.email).find((c) => c.label === "Work phone")?.enabled).toBe(false);
  await row(page, "Work phone").getByRole("button", { name: "Enable Work phone" }).click();
  await expect(row(page, "Work phone")).toContainText("Active");
  expect(listed(ALICE.email).find((c) => c.label === "Work phone")?.enabled).toBe(true);

  // Delete both, each after a confirmation; cancelling keeps it.
  await row(page, "Thunderbird").getByRole("button", { name: "Delete Thunderbird" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(row(page, "Thunderbird")).toBeVisible();
  for (const label of ["Thunderbird", "Work phone"]) {
    await row(page, label)
      .getByRole("button", { name: `Delete ${label}` })
      .click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete credential" }).click();
    await expect(row(page, label)).toHaveCount(0);
  }
  await expect(page.getByText("You have no credentials yet.")).toBeVisible();
  expect(listed(ALICE.email)).toEqual([]);
});

test("mobile apps: a QR code with a password, and a one-time QR the app redeems once", async ({ page }) => {
  await signIn(page, ALICE.email, ALICE.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/credentials");
  const apps = card(page, "Mobile apps");

  await apps.getByLabel("Label for the mobile app").fill("Tablet");
  await apps.getByRole("button", { name: "Create QR code" }).click();
  await expect(apps.getByRole("img", { name: "QR code for the mobile app" })).toBeVisible();
  const secret = (await apps.getByTestId("secret-value").textContent())!.trim();
  await apps.getByText("Cannot scan? Show what the code contains").click();
  const payload = JSON.parse((await apps.getByTestId("qr-text").textContent())!) as unknown;
  expect(payload).toEqual({
    auth_method: "password",
    auth_payload: { user: ALICE.email, password: secret },
    auth_endpoint: [{ url: E2E_BASE_URL }],
  });
  await expect(row(page, "Tablet")).toContainText("MobileApp");
  await apps.getByRole("button", { name: "Done, hide it" }).click();
  await expect(apps.getByTestId("secret-value")).toHaveCount(0);

  await apps.getByLabel("Label for the mobile app").fill("Phone via one-time code");
  await apps.getByLabel("One-time QR code").check();
  await apps.getByRole("button", { name: "Create QR code" }).click();
  await expect(apps.getByRole("img", { name: "One-time QR code for the mobile app" })).toBeVisible();
  await expect(apps.getByTestId("secret-value")).toHaveCount(0);
  await apps.getByText("Cannot scan? Show what the code contains").click();
  const oneTime = JSON.parse((await apps.getByTestId("qr-text").textContent())!) as {
    auth_method: string;
    auth_payload: { user: string; token: string };
    redeem_url: string;
  };
  expect(oneTime.auth_method).toBe("one_time_token");
  expect(JSON.stringify(oneTime)).not.toContain("password");

  // What the mobile app does with it: trade the token for its own password, exactly once.
  const redeemed = await page.request.post(new URL(oneTime.redeem_url).pathname, { data: { token: oneTime.auth_payload.token } });
  expect(redeemed.status()).toBe(200);
  const answer = (await redeemed.json()) as {
    ok: true;
    data: { auth_payload: { user: string; password: string }; credential: { label: string; services: string[] } };
  };
  expect(answer.data.auth_payload.user).toBe(ALICE.email);
  expect(answer.data.auth_payload.password).toMatch(GENERATED);
  expect(answer.data.credential).toMatchObject({ label: "Phone via one-time code", services: ["MobileApp"] });
  const replay = await page.request.post("/api/mobile/qr-login", { data: { token: oneTime.auth_payload.token } });
  expect(replay.status()).toBe(410);

  await page.reload();
  await expect(row(page, "Phone via one-time code")).toContainText("MobileApp");
  for (const c of listed(ALICE.email)) expect(cli(["auth", "credential", "delete", ALICE.email, c.id]).code).toBe(0);
});

test("an admin creates an “SMTP only” credential for a user, edits and deletes it", async ({ page }) => {
  const user = JSON.parse(cli(["user", "get", BOB.email, "--json"]).stdout) as { id: string };
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.goto(`/admin/users/${user.id}`);
  const panel = card(page, "Credentials");
  await expect(panel.getByText(`${BOB.email} has no credentials.`)).toBeVisible();

  await panel.getByLabel("Credential label").fill("Scanner relay");
  await panel.getByLabel("Preset").selectOption({ label: "SMTP only (automation or an external service)" });
  await expect(panel.getByLabel(/^SMTP/)).toBeChecked();
  await expect(panel.getByLabel(/^IMAP/)).not.toBeChecked();
  await panel.getByLabel("Allowed IP ranges (optional)").fill("192.0.2.0/24");
  await panel.getByRole("button", { name: "Create credential" }).click();
  const secret = (await panel.getByTestId("secret-value").textContent())!.trim();
  expect(secret).toMatch(GENERATED);
  const created = row(page, "Scanner relay");
  await expect(created).toContainText("SMTP");
  await expect(created).toContainText("Only from 192.0.2.0/24");
  await expect(created).toContainText("Never");
  const stored = listed(BOB.email);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ label: "Scanner relay", services: "SMTP", enabled: true, generated: 1 });

  // Refused input keeps what was typed and writes nothing.
  await panel.getByLabel("Credential label").fill("Web kiosk");
  await panel.getByLabel(/^WebUI/).check();
  await expect(panel.getByTestId("webui-warning")).toBeVisible();
  await panel.getByLabel("Password (optional)").fill("short");
  await panel.getByRole("button", { name: "Create credential" }).click();
  await expect(panel.getByText("Use at least 15 characters.")).toBeVisible();
  await expect(panel.getByLabel("Credential label")).toHaveValue("Web kiosk");
  await expect(panel.getByLabel(/^WebUI/)).toBeChecked();
  await expect(panel.getByTestId("webui-warning")).toBeVisible();
  expect(listed(BOB.email)).toHaveLength(1);

  // Edit label, status and services.
  await created.getByRole("button", { name: "Edit Scanner relay" }).click();
  const edit = page.locator("section", { has: page.getByRole("heading", { name: "Edit “Scanner relay”" }) }).last();
  await edit.getByLabel("Credential label").fill("Scanner relay (office)");
  await edit.getByLabel("Status").selectOption("false");
  await edit.getByLabel(/^IMAP/).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  const renamed = row(page, "Scanner relay (office)");
  await expect(renamed).toContainText("Disabled");
  await expect(renamed).toContainText("IMAP");
  expect(listed(BOB.email)[0]).toMatchObject({ label: "Scanner relay (office)", services: "IMAP,SMTP", enabled: false });

  await renamed.getByRole("button", { name: "Delete Scanner relay (office)" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete credential" }).click();
  await expect(panel.getByText(`${BOB.email} has no credentials.`)).toBeVisible();
  expect(listed(BOB.email)).toEqual([]);
});

test("a WebUI credential signs in without OTP", async ({ page, browser }) => {
  // Bob's account requires two-factor authentication, so his own password stops at the OTP step.
  expect(cli(["auth", "twoFactor", "require", BOB.email, "true"]).code).toBe(0);
  await signIn(page, BOB.email, BOB.password);
  await expect(page).toHaveURL(/\/login\/(otp|enrol)/);

  const add = cli(["auth", "credential", "add", BOB.email, "service", "WebUI", "label", "Kiosk", "--json"]);
  expect(add.code, add.stderr).toBe(0);
  const webPassword = (JSON.parse(add.stdout) as { text_data: { password: string } }).text_data.password;
  const eas = cli(["auth", "credential", "add", BOB.email, "service", "EAS", "label", "Phone", "--json"]);
  const easPassword = (JSON.parse(eas.stdout) as { text_data: { password: string } }).text_data.password;

  const fresh = await browser.newContext({ baseURL: E2E_BASE_URL });
  const kiosk = await fresh.newPage();
  // A credential for another service never opens a web session.
  await signIn(kiosk, BOB.email, easPassword);
  await expect(kiosk.getByText("The email address or password is not right.")).toBeVisible();
  await expect(kiosk).toHaveURL(/\/login$/);

  await signIn(kiosk, BOB.email, webPassword);
  await expect(kiosk).toHaveURL(/\/account$/);
  await expect(kiosk.getByTestId("identity")).toContainText(BOB.email);

  // The credential's last use (time and address) is on the list.
  await kiosk.goto("/account/credentials");
  await expect(row(kiosk, "Kiosk")).toContainText("from 127.0.0.1");
  await expect(row(kiosk, "Phone")).toContainText("Never");

  // A session that skipped the second factor may look but not change the account.
  await expect(kiosk.getByText(/signed in with an app password/)).toBeVisible();
  await kiosk.getByLabel("Label for the mobile password").fill("Sneaky");
  await kiosk.getByRole("button", { name: "Create mobile password" }).click();
  await expect(kiosk.getByText(/Sign in with your account password to change account settings/)).toBeVisible();
  await expect(row(kiosk, "Sneaky")).toHaveCount(0);
  await fresh.close();
  expect(cli(["auth", "twoFactor", "require", BOB.email, "false"]).code).toBe(0);
});

// ---- Access that must end ------------------------------------------------------------------
