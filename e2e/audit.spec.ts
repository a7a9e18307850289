import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { signIn } from "./support/flows";
import { cli, createAccount, resetThrottle, sql, sqlRows } from "./support/server";

// The audit viewer (issue 13): filters kept in the URL, keyset Older/Newer, labelled details,
// and an export of exactly the filtered rows.

const ADMIN = { email: "audit-admin@audit-admins.test", password: "ledger by the lighthouse 31" };
const TARGET = "a-rather-long-mailbox-name-for-wrapping@audit-e2e.test";
const T0 = Date.parse("2026-10-01T12:00:00Z");

test.beforeAll(() => {
  resetThrottle();
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  // A retry runs this again in a new worker: arrange only what is not there yet.
  if (sqlRows(`SELECT 1 FROM "User" WHERE "email" = ?`, ADMIN.email).length === 0)
    createAccount(ADMIN.email, ADMIN.password, { admin: true });
  // 60 failed gate logins and 5 successful sign-ins for one address, a minute apart.
  for (let i = 0; i < 65; i++) {
    const failed = i < 60;
    sql(
      `INSERT OR IGNORE INTO "AuditEvent" ("id", "createdAt", "subjectEmail", "action", "actionGroup", "result", "ip", "userAgent", "details")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      `e2eaudit${String(i).padStart(3, "0")}`,
      new Date(T0 + i * 60_000).toISOString().replace("Z", "+00:00"),
      TARGET,
      failed ? "gate.login" : "login.password",
      failed ? "gate" : "login",
      failed ? "failure" : "success",
      failed ? "2001:db8:85a3::8a2e:370:7334" : "192.0.2.44",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      failed ? JSON.stringify({ service: "imap", reason: "bad_password" }) : JSON.stringify({ method: "password" }),
    );
  }
});

const rows = (page: Page) => page.getByTestId("audit-row");

async function signInAdmin(page: Page) {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin/);
}

test("filters change the URL and the rows; Older and Newer page by keyset; details are labelled", async ({ page }) => {
  await signInAdmin(page);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();

  await page.getByLabel("Subject").fill(TARGET);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?subject=${encodeURIComponent(TARGET).replace(/\./g, "\\.")}$`));
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText("login.password");

  await page.getByLabel("Result").selectOption("success");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/result=success/);
  await expect(page).toHaveURL(/subject=/);
  await expect(rows(page)).toHaveCount(5);
  await expect(rows(page).first()).toContainText("Method");
  await expect(rows(page).first()).toContainText("User agent");
  await expect(page.getByRole("link", { name: "Older" })).toHaveCount(0);

  await page.getByLabel("Result").selectOption("failure");
  await page.getByLabel("Group").selectOption("gate");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/group=gate/);
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText("Reason");
  await expect(rows(page).first()).toContainText("bad_password");
  const newestFirst = await rows(page).first().locator("time").getAttribute("datetime");

  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(rows(page)).toHaveCount(10);
  await expect(page.getByRole("link", { name: "Older" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newer" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first().locator("time")).toHaveAttribute("datetime", newestFirst ?? "");
  await expect(page.getByRole("link", { name: "Newer" })).toHaveCount(0);

  // A bad value is a clear message, not an error page.
  await page.goto(`/admin/audit?ip=not-an-ip`);
  await expect(page.getByRole("alert").filter({ hasText: "IPv4" })).toHaveText("That is not an IPv4 or IPv6 address.");
  await expect(rows(page)).toHaveCount(0);
  await page.goto(`/admin/audit?subject=${encodeURIComponent(TARGET)}`);
  await expectNoAxeViolations(page);
});

test("long addresses wrap inside their column instead of widening the table", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await signInAdmin(page);
  await page.goto(`/admin/audit?subject=${encodeURIComponent(TARGET)}&group=gate`);
  const cell = rows(page).first().locator("td").nth(4);
  await expect(cell).toContainText(TARGET);
  const region = page.getByRole("region", { name: "Audit events" });
  const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("the export downloads a file whose rows are exactly the filtered view", async ({ page }) => {
  await signInAdmin(page);
  await page.goto(`/admin/audit?subject=${encodeURIComponent(TARGET)}&result=success`);
  await expect(rows(page)).toHaveCount(5);

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const csv = readFileSync((await (await csvDownload).path())!, "utf8")
    .trim()
    .split("\r\n");
  expect(csv[0]).toBe("time,action,group,result,actor,subject,ip,userAgent,details");
  expect(csv).toHaveLength(6);
  for (const line of csv.slice(1)) expect(line).toContain(`,login.password,login,success,,${TARGET},192.0.2.44,`);

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "JSON Lines" }).click();
  const download = await jsonDownload;
  expect(download.suggestedFilename()).toMatch(/^gatehouse-audit-.*\.jsonl$/);
  const lines = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { subject: string; result: string; details: unknown });
  expect(lines).toHaveLength(5);
  expect(lines.every((l) => l.subject === TARGET && l.result === "success")).toBe(true);
  expect(lines[0].details).toEqual({ method: "password" });

  // The export was audited, under the admin's name.
  await page.goto("/admin/audit?group=audit");
  await expect(rows(page).first()).toContainText("audit.export");
  await expect(rows(page).first()).toContainText(ADMIN.email);
});

test("the export is for admins only", async ({ request }) => {
  const r = await request.get("/admin/audit/export?format=csv", { maxRedirects: 0 });
  expect([302, 303, 307, 401]).toContain(r.status());
});
