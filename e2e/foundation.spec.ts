import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { cli, serverLog } from "./support/server";
import { enrolAtSignIn, enterCode, signIn, signOut } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";

// One story, in order: the first start prints a setup link, the operator becomes the first admin,
// is made to add a second factor (administrators need one on a new installation), creates a user,
// and that user signs in, sees their account and signs out for good.
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "admin@example.com", password: "correct horse battery staple 42" };
const USER = { email: "alice@example.com", password: "violet rooftops at dawn 7" };
let adminSecret = "";

test("the setup link from the server output creates the first admin, once", async ({ page }) => {
  const link = serverLog().match(/https?:\/\/\S+\/setup\/[A-Za-z0-9_-]+/)?.[0];
  expect(link, "the server printed a setup link").toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { name: "Create the first administrator", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill(ADMIN.email);
  await page.getByLabel("Display name").fill("Ada Admin");
  await page.getByLabel("Password").fill("1qaz2wsx3edc4rfv");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/too common/);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText(`Administrator ${ADMIN.email} created.`)).toBeVisible();

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { name: "This setup link cannot be used", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the first admin must add an authenticator app at the first sign-in, then creates a user with a password", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await expect(page.getByText("Your account needs a second factor.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Set up two-factor authentication", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  ({ secret: adminSecret } = await enrolAtSignIn(page, "Admin phone"));
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Email address").fill(USER.email);
  await form.getByLabel("Display name").fill("Alice Example");
  await form.getByLabel("Initial password (optional)").fill(USER.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`User ${USER.email} created.`)).toBeVisible();
  // The list refreshes and search finds the new user by name.
  await page.getByLabel("Search users").fill("alice ex");
  await expect(page.getByRole("link", { name: USER.email })).toBeVisible();
  await page.getByLabel("Search users").fill("nobody-matches-this");
  await expect(page.getByText("No user matches")).toBeVisible();
});

test("the user signs in, sees the account page, and the old cookie is dead after logout", async ({ page, browser }) => {
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("identity")).toContainText(USER.email);
  await expect(page.getByTestId("identity")).toContainText("Alice Example");
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "gatehouse.session")?.httpOnly).toBe(true);

  await signOut(page);

  const replay = await browser.newContext({ baseURL: E2E_BASE_URL });
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto("/account");
  await expect(again).toHaveURL(/\/login$/);
  await replay.close();
});

test("changing the password needs the current one and signs the other devices out", async ({ page, browser }) => {
  const other = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
  await signIn(other, USER.email, USER.password);
  await expect(other).toHaveURL(/\/account$/);
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/account$/);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Change password" }) });
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel(/^New password\W*$/).fill("a brand new long passphrase");
  await form.getByLabel("New password again").fill("a brand new long passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription(/not right/);

  await form.getByLabel("Current password").fill(USER.password);
  await form.getByLabel(/^New password\W*$/).fill("a brand new long passphrase");
  await form.getByLabel("New password again").fill("a brand new long passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Other sessions were signed out.")).toBeVisible();

  await other.goto("/account");
  await expect(other).toHaveURL(/\/login$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/, { timeout: 5000 });
  USER.password = "a brand new long passphrase";
  await other.context().close();
});

test("wrong password, unknown address and a disabled account get the same answer", async ({ page }) => {
  const generic = "The email address or password is not right.";
  await signIn(page, USER.email, "not the password at all");
  await expect(page.getByText(generic)).toBeVisible();
  await signIn(page, "nobody@example.com", USER.password);
  await expect(page.getByText(generic)).toBeVisible();

  expect(cli(["user", "disable", USER.email]).code).toBe(0);
  await signIn(page, USER.email, USER.password);
  await expect(page.getByText(generic)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect(cli(["user", "enable", USER.email]).code).toBe(0);
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/account$/);
});

test("a cross-origin POST of a real server action is refused and changes nothing", async ({ page, request }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await enterCode(page, adminSecret);
  await expect(page).toHaveURL(/\/admin\/users$/);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Email address").fill("bob@example.com");
  const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await form.getByRole("button", { name: "Create user" }).click();
  const original = await posted;
  await expect(page.getByText("User bob@example.com created.")).toBeVisible();

  const cookieHeader = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = original.postDataBuffer()!.toString("latin1").replace("bob@example.com", "mallory@example.com");
  const forged = await request.post(original.url(), {
    headers: { ...original.headers(), cookie: cookieHeader, origin: "http://evil.example" },
    data: Buffer.from(body, "latin1"),
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(cli(["user", "get", "mallory@example.com"]).code).toBe(1);
});
