import { expect, test, type Browser, type Page } from "@playwright/test";
import { computeTotp } from "@/lib/two-factor/devices/totp-code";
import { expectNoAxeViolations } from "./support/accessibility";
import { createAuthLinkHoursAgo } from "./support/auth-link-clock";
import { hydrated, signIn } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";
import { cli, createAccount, resetThrottle } from "./support/server";

// Onboarding with auth links (issue 10): an admin creates an account without a password and hands
// over a link; the new hire chooses a password, sets up an authenticator app and lands in the
// portal. A used, revoked or expired link shows one "cannot be used" page; a permanent link signs
// in until it is revoked.
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "onboarding-admin@welcome.test", password: "lanterns along the quay 47" };
const HIRE = { email: "nina@welcome.test", name: "Nina Neu", password: "a kettle of fresh mint tea 12" };
const UNUSABLE = "This link cannot be used";
const TOTP = { algorithm: "SHA1", digits: 6, period: 30 } as const;

test.beforeAll(() => {
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
});
test.beforeEach(() => resetThrottle());

async function freshPage(browser: Browser, options: { clipboard?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    locale: "en-US",
    permissions: options.clipboard ? ["clipboard-read", "clipboard-write"] : [],
  });
  return context.newPage();
}

/** The link shown in the overlay, which is then closed; the URL must not stay in the page. */
async function takeLinkFromOverlay(page: Page, title: string | RegExp): Promise<string> {
  const overlay = page.getByRole("dialog", { name: title });
  await expect(overlay).toBeVisible();
  const url = await overlay.getByLabel("Link", { exact: true }).inputValue();
  expect(url).toMatch(new RegExp(`^${E2E_BASE_URL}/link/[A-Za-z0-9_-]{43,}$`));
  await overlay.getByRole("button", { name: "Done" }).click();
  await expect(overlay).toBeHidden();
  expect(await page.content()).not.toContain(url.split("/link/")[1]);
  return url;
}

async function openUserPage(admin: Page, email: string) {
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: email }).click();
  await expect(admin.getByRole("heading", { name: email, level: 1 })).toBeVisible();
}

async function expectUnusable(browser: Browser, url: string) {
  const page = await freshPage(browser);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: UNUSABLE, level: 1 })).toBeVisible();
  await expect(page.getByTestId("auth-link-unusable")).toContainText("Ask the administrator who sent it");
  await page.context().close();
}

let hireLink = "";

test("an admin creates a user with an auth link instead of a password and copies it from the overlay", async ({ browser }) => {
  const admin = await freshPage(browser, { clipboard: true });
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin).toHaveURL(/\/admin\/users$/);
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Email address").fill(HIRE.email);
  await form.getByLabel("Display name").fill(HIRE.name);
  await form.getByLabel("Send an auth link instead of setting a password").check();
  await expect(form.getByLabel("Initial password (optional)")).toBeDisabled();
  await form.getByRole("button", { name: "Create user" }).click();

  const overlay = admin.getByRole("dialog", { name: `Temporary link for ${HIRE.email}` });
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText("Works once, until");
  await expectNoAxeViolations(admin);
  const url = await overlay.getByLabel("Link", { exact: true }).inputValue();
  await overlay.getByRole("button", { name: "Copy link" }).click();
  await expect(overlay.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(overlay.getByRole("status").filter({ hasText: "Link copied to the clipboard." })).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // No SMTP on the e2e server: "Send by email" is a mailto: with the address and the link filled in.
  const mailto = overlay.getByRole("link", { name: "Send by email" });
  await expect(mailto).toHaveAttribute("href", new RegExp(`^mailto:${HIRE.email}\\?subject=`));
  expect(await mailto.getAttribute("href")).toContain(encodeURIComponent(url));
  // Escape closes the overlay, and the link is gone from the page with it.
  await admin.keyboard.press("Escape");
  await expect(overlay).toBeHidden();
  expect(await admin.content()).not.toContain(url.split("/link/")[1]);
  await expect(admin.getByText(`User ${HIRE.email} created.`)).toBeVisible();
  hireLink = url;

  // The user's page lists the link as pending, created by this admin.
  await openUserPage(admin, HIRE.email);
  const row = admin.getByTestId("auth-link-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("Temporary");
  await expect(row).toContainText(ADMIN.email);
  await expectNoAxeViolations(admin);
  await admin.context().close();
});

test("the new hire opens the link, chooses a password, sets up an authenticator and lands in the portal", async ({ browser }) => {
  expect(cli(["auth", "twoFactor", "require", HIRE.email, "true"]).code).toBe(0);
  const page = await freshPage(browser);
  const response = await page.goto(hireLink);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("heading", { name: `Welcome, ${HIRE.name}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("auth-link-email")).toHaveText(HIRE.email);
  await expect(page.getByTestId("auth-link-inviter")).toHaveText(ADMIN.email);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/link\/[A-Za-z0-9_-]+\/password$/);
  await expect(page.getByRole("heading", { name: "Choose your password", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(HIRE.password);
  await page.getByLabel("Repeat the new password").fill(HIRE.password + "!");
  await page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(page.getByLabel("Repeat the new password")).toHaveAccessibleDescription(/differ/);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(page.getByRole("textbox", { name: "New password", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(HIRE.password);
  await page.getByLabel("Repeat the new password").fill(HIRE.password);
  await page.getByRole("button", { name: "Set password and continue" }).click();

  // The existing enrolment at sign-in: device name, the key, a code computed here, recovery codes.
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await page.getByLabel("Device name").fill("Nina's phone");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(computeTotp(secret, TOTP, Date.now()));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes).toBeVisible();
  expect((await codes.innerText()).match(/[0-9a-z]{5}-[0-9a-z]{5}/g) ?? []).toHaveLength(12);
  const download = page.waitForEvent("download");
  await codes.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe("gatehouse-recovery-codes.txt");
  await expect(codes.getByRole("button", { name: "Print" })).toBeVisible();
  await page.getByRole("button", { name: "Done, I have saved these codes" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.context().close();

  // The same link is used up: the one page, in any browser.
  await expectUnusable(browser, hireLink);
  const again = await freshPage(browser);
  await again.goto(hireLink.replace(/\/link\/(.+)$/, "/link/$1/password"));
  await expect(again.getByRole("heading", { name: UNUSABLE, level: 1 })).toBeVisible();
  await expectNoAxeViolations(again);
  await again.context().close();
});

test("a revoked link and an expired link show the same page as a used one", async ({ browser }) => {
  const admin = await freshPage(browser);
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await openUserPage(admin, HIRE.email);
  await admin.getByRole("button", { name: "Create a temporary link" }).click();
  const revokedLink = await takeLinkFromOverlay(admin, `Temporary link for ${HIRE.email}`);
  const pendingRow = admin.getByTestId("auth-link-row").filter({ hasText: "Pending" });
  await expect(pendingRow).toHaveCount(1);
  await pendingRow.getByRole("button", { name: "Revoke" }).click();
  await admin.getByRole("alertdialog", { name: "Revoke this link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(admin.getByText("Link revoked.")).toBeVisible();
  await expect(admin.getByTestId("auth-link-row").filter({ hasText: "Revoked" })).toHaveCount(1);
  await expectUnusable(browser, revokedLink);

  // Created 13 hours ago (the clock injected into the same operation): past its 12 hours.
  const expiredLink = createAuthLinkHoursAgo(HIRE.email, 13);
  await expectUnusable(browser, expiredLink);
  await admin.reload();
  await expect(admin.getByTestId("auth-link-row").filter({ hasText: "Expired" })).toHaveCount(1);
  await admin.context().close();
});

test("a permanent link needs a confirmation naming the risk, signs in until it is revoked", async ({ browser }) => {
  const admin = await freshPage(browser);
  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await openUserPage(admin, HIRE.email);
  await admin.getByRole("button", { name: "Create a permanent link" }).click();
  const confirm = admin.getByRole("alertdialog", { name: `Create a permanent link for ${HIRE.email}?` });
  await expect(confirm).toContainText("until it is revoked; it never expires");
  await confirm.getByLabel("Allowed IP ranges (optional)").fill("not a range");
  await confirm.getByRole("button", { name: "Create permanent link" }).click();
  await expect(confirm.getByLabel("Allowed IP ranges (optional)")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(admin);
  await confirm.getByLabel("Allowed IP ranges (optional)").fill("127.0.0.0/8");
  await confirm.getByRole("button", { name: "Create permanent link" }).click();
  const overlay = admin.getByRole("dialog", { name: `Permanent link for ${HIRE.email}` });
  await expect(overlay).toContainText("Never expires");
  await expectNoAxeViolations(admin);
  const permanentLink = await takeLinkFromOverlay(admin, `Permanent link for ${HIRE.email}`);
  await expect(admin.getByTestId("auth-link-row").filter({ hasText: "Permanent" })).toContainText("127.0.0.0/8");

  for (let use = 1; use <= 2; use++) {
    const holder = await freshPage(browser);
    await holder.goto(permanentLink);
    await expect(holder.getByRole("heading", { name: `Welcome, ${HIRE.name}`, level: 1 })).toBeVisible();
    if (use === 1) await expectNoAxeViolations(holder);
    await holder.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(holder).toHaveURL(/\/account$/);
    await holder.context().close();
  }
  await admin.reload();
  await expect(admin.getByTestId("auth-link-row").filter({ hasText: "Permanent" })).toContainText("2");

  await admin.getByRole("button", { name: "Revoke all" }).click();
  await admin.getByRole("alertdialog", { name: "Revoke every pending link?" }).getByRole("button", { name: "Revoke all" }).click();
  await expect(admin.getByText("1 link revoked.")).toBeVisible();
  await expectUnusable(browser, permanentLink);
  await admin.context().close();
});

/** Nothing wider than the phone's screen: no sideways scrolling of the page or of an open dialog. */
async function expectFits(page: Page, width = 390) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  for (const dialog of await page.locator("dialog[open]").all()) {
    const box = await dialog.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  }
}

test("in German on a 390 px phone the link pages, the console's box and its dialogs fit", async ({ browser }) => {
  const phone = { baseURL: E2E_BASE_URL, locale: "de-DE", viewport: { width: 390, height: 844 } };
  const hire = await (await browser.newContext(phone)).newPage();
  await hire.goto(createAuthLinkHoursAgo(HIRE.email, 0));
  await expect(hire.getByRole("heading", { name: `Willkommen, ${HIRE.name}`, level: 1 })).toBeVisible();
  await expectFits(hire);
  await hire.getByRole("link", { name: "Weiter" }).click();
  await expect(hire.getByRole("heading", { name: "Passwort wählen", level: 1 })).toBeVisible();
  await expectFits(hire);
  await hire.goto("/link/not-a-real-token");
  await expect(hire.getByRole("heading", { name: "Dieser Link kann nicht verwendet werden", level: 1 })).toBeVisible();
  await expectFits(hire);
  await hire.context().close();

  const admin = await (await browser.newContext(phone)).newPage();
  await admin.goto("/login");
  await hydrated(admin);
  await admin.getByLabel("E-Mail-Adresse").fill(ADMIN.email);
  await admin.getByLabel("Passwort").fill(ADMIN.password);
  await admin.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await openUserPage(admin, HIRE.email);
  await expectFits(admin);
  await admin.getByRole("button", { name: "Befristeten Link anlegen" }).click();
  await expect(admin.getByRole("dialog", { name: `Befristeter Link für ${HIRE.email}` })).toBeVisible();
  await expectFits(admin);
  await admin.keyboard.press("Escape");
  await admin.getByRole("button", { name: "Dauerhaften Link anlegen" }).click();
  await expect(admin.getByRole("alertdialog", { name: `Dauerhaften Link für ${HIRE.email} anlegen?` })).toBeVisible();
  await expectFits(admin);
  await admin.keyboard.press("Escape");
  await admin.context().close();
});
