import { expect, test, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { cli, createAccount, sql } from "./support/server";
import { hydrated, signIn } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";

// How lists read: the users list keeps its search and page in the URL and comes rendered from the
// server; session lists are live (a sign-in elsewhere appears without a reload); the domains list
// is rendered on the server and refreshed after each change.
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "lists-admin@lists.test", password: "copper kettles in the rain 9" };
const USER = { email: "lists-user@lists.test", password: "seven lanterns by the river" };
// 22 accounts named listpage-00 … listpage-21, created in the same instant: the list orders them by
// address, so page 1 (20 a page) ends with listpage-19 and page 2 holds listpage-20 and -21.
const paged = (n: number) => `listpage-${String(n).padStart(2, "0")}@lists.test`;

test.beforeAll(() => {
  // This story is not about the administrators' second factor (foundation.spec covers it).
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  createAccount(USER.email, USER.password);
  const first = cli(["user", "create", paged(0), "--no-password", "--create-domain"]);
  expect(first.code, first.stderr).toBe(0);
  for (let n = 1; n < 22; n++) {
    sql(
      `INSERT INTO "User" (id, email, displayName, searchKey, role, status, domainId, require2fa, failedLoginCount, createdAt, updatedAt)
       SELECT ?, ?, '', ?, role, status, domainId, require2fa, 0, createdAt, updatedAt FROM "User" WHERE email = ?`,
      `listpage${randomBytes(8).toString("hex")}`,
      paged(n),
      `${paged(n)} `,
      paged(0),
    );
  }
});

async function signedIn(browser: Browser, account: { email: string; password: string }, landing: RegExp): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(landing);
  return page;
}

const userLink = (page: Page, email: string) => page.getByRole("link", { name: email, exact: true });

test("the users list comes from the server already filtered to the URL's search and page", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  // The HTML itself, before any script runs, holds the matching rows and no others.
  const filtered = await (await page.request.get("/admin/users?q=listpage-07")).text();
  expect(filtered).toContain(paged(7));
  expect(filtered).not.toContain(paged(8));
  const second = await (await page.request.get("/admin/users?q=listpage&page=2")).text();
  expect(second).toContain(paged(21));
  expect(second).not.toContain(paged(19));
  expect(second).toContain("Page 2 of 2");

  // In the browser the list shows that page without asking the users route again.
  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/admin/users")) asked.push(r.url());
  });
  await page.goto("/admin/users?q=listpage&page=2");
  await expect(page.getByLabel("Search users")).toHaveValue("listpage");
  await expect(userLink(page, paged(20))).toBeVisible();
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  expect(asked).toEqual([]);
});

test("typing and paging keep the list in the URL, so reload, back and a shared link show the same list", async ({ page, browser }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await hydrated(page);
  await page.getByLabel("Search users").fill("listpage");
  await expect(page).toHaveURL(/\/admin\/users\?q=listpage$/);
  await expect(userLink(page, paged(0))).toBeVisible();
  await expect(userLink(page, paged(20))).toHaveCount(0);

  await page.getByRole("navigation", { name: "Users pages" }).getByRole("button", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=listpage&page=2$/);
  await expect(userLink(page, paged(20))).toBeVisible();
  await expect(userLink(page, paged(0))).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel("Search users")).toHaveValue("listpage");
  await expect(userLink(page, paged(21))).toBeVisible();
  await expect(page.getByText("Page 2 of 2")).toBeVisible();

  // Out to a user and back: the same search and page.
  await userLink(page, paged(21)).click();
  await expect(page.getByRole("heading", { name: paged(21), level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/admin\/users\?q=listpage&page=2$/);
  await expect(page.getByLabel("Search users")).toHaveValue("listpage");
  await expect(userLink(page, paged(20))).toBeVisible();

  // A shared link, opened by another admin browser.
  const shared = await signedIn(browser, ADMIN, /\/admin\/users$/);
  await shared.goto(page.url());
  await expect(userLink(shared, paged(20))).toBeVisible();
  await expect(shared.getByText("Page 2 of 2")).toBeVisible();
  await shared.context().close();

  // A new search starts again on page 1.
  await page.getByLabel("Search users").fill("listpage-1");
  await expect(page).toHaveURL(/\/admin\/users\?q=listpage-1$/);
  await expect(userLink(page, paged(10))).toBeVisible();
});

// The tab coming back into view, as the browser announces it (the event bubbles from the document
// to the window, where TanStack Query listens).
const returnToTab = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));

test("a new sign-in appears in an open sessions list, the user's own and the admin's, without a reload", async ({ browser }) => {
  const own = await signedIn(browser, USER, /\/account$/);
  await own.goto("/account/security");
  const ownRows = own.getByTestId("sessions").getByRole("row");
  await expect(ownRows).toHaveCount(2); // header + this browser

  const userId = JSON.parse(cli(["user", "get", USER.email, "--json"]).stdout).id as string;
  const admin = await signedIn(browser, ADMIN, /\/admin\/users$/);
  await admin.goto(`/admin/users/${userId}`);
  const adminRows = admin.getByTestId("sessions").getByRole("row");
  await expect(adminRows).toHaveCount(2);

  const elsewhere = await signedIn(browser, USER, /\/account$/);
  await returnToTab(own);
  await expect(ownRows).toHaveCount(3);
  await expect(ownRows.filter({ hasText: "This device" })).toHaveCount(1);
  await returnToTab(admin);
  await expect(adminRows).toHaveCount(3);
  // The console's route is for administrators only; the user's own route lists only their sessions.
  expect((await own.request.get(`/api/admin/users/${userId}/sessions`)).status()).toBe(403);
  const mine = (await (await own.request.get("/api/account/sessions")).json()).data.sessions as { current: boolean }[];
  expect(mine.map((s) => s.current).sort()).toEqual([false, true]);

  // Signed out from the open list: gone from it at once, and that browser is out.
  await ownRows
    .filter({ hasNotText: "This device" })
    .getByRole("button", { name: /Sign out/ })
    .click();
  await own.getByRole("alertdialog").getByRole("button", { name: "Sign out" }).click();
  await expect(ownRows).toHaveCount(2);
  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/login$/);

  // Disabling the account from the console ends its sessions; the open list there shows it at once
  // (the write re-reads the page's lists, not only its server components), then it is enabled again.
  await admin.getByRole("button", { name: "Disable", exact: true }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByTestId("sessions")).toHaveCount(0);
  await expect(admin.getByText("Not signed in anywhere")).toBeVisible();
  await admin.getByRole("button", { name: "Enable", exact: true }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Enable" }).click();
  await expect(admin.getByText(/is now active/)).toBeVisible();
  for (const p of [own, admin, elsewhere]) await p.context().close();
});

test("the domains list is the server's: an added domain is listed, a deleted one is gone", async ({ page }) => {
  const domain = `added-${randomBytes(3).toString("hex")}.lists.test`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("link", { name: "Domains" }).click();
  await expect(page.getByRole("heading", { name: "Domains", level: 1 })).toBeVisible();
  await page.getByLabel("New domain").fill("not a domain");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByLabel("New domain")).toHaveAccessibleDescription(/.+/);
  await expect(page.getByLabel("New domain")).toHaveValue("not a domain");

  await page.getByLabel("New domain").fill(domain);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByText(`Domain ${domain} added.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(domain.replace(/\./g, "\\.")) })).toBeVisible();
  await expect(page.getByLabel("New domain")).toHaveValue("");
  // A domain with users cannot be deleted; an empty one can.
  await expect(page.getByRole("button", { name: "Delete lists.test" })).toBeDisabled();
  await page.getByRole("button", { name: `Delete ${domain}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete domain" }).click();
  await expect(page.getByText(`Domain ${domain} deleted.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(domain.replace(/\./g, "\\.")) })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(domain.replace(/\./g, "\\.")) })).toHaveCount(0);
});
