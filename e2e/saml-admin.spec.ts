import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { idpMetadata, keyPair } from "../tests/saml-metadata";
import { expectNoAxeViolations } from "./support/accessibility";
import { signIn } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";
import { cli, createAccount, resetThrottle, sql, sqlRows } from "./support/server";

// The admin console's SAML page for one domain: an admin imports the IdP's metadata from a URL
// (served by this test on loopback, over http with "Allow unsecure"), refreshes it, edits, resets
// and fails to break keys, generates the SP certificate, exports saml.json with and without the
// private key, and copies the values an IdP admin needs. Everything is checked again through the
// CLI or the database, not only on the page.
// The page is long (a 40-row key table), and axe checks it in both colour schemes: on a busy
// 2-core machine a test with an axe check can take most of the default minute.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const DOMAIN = "samladmin.test";
const ADMIN = { email: "saml-admin@samladmin.test", password: "lanterns along the quiet canal 47" };
const USER = { email: "saml-user@samladmin.test", password: "pebbles under the old stone bridge 12" };
const IDP_ENTITY = "https://idp.samladmin.test/metadata";
const SAML_PAGE = `/admin/domains/${DOMAIN}/saml`;

let idp: Server;
let metadataUrl = "";
/** What the test IdP serves at /metadata.xml; null answers 500. */
let served: string | null = null;

test.beforeAll(async () => {
  resetThrottle();
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  createAccount(USER.email, USER.password);
  const first = await keyPair();
  served = idpMetadata({ entityId: IDP_ENTITY, certificates: [first.certificate], sso: "https://idp.samladmin.test/sso" });
  idp = createServer((req, res) => {
    if (req.url !== "/metadata.xml" || served === null) return res.writeHead(500).end();
    res.writeHead(200, { "content-type": "application/samlmetadata+xml" }).end(served);
  });
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  metadataUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/metadata.xml`;
});

test.afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
});

type SamlView = { settings: Record<string, string | boolean>; setKeys: string[]; hasPrivateKey: boolean };
const samlConfig = (): SamlView => JSON.parse(cli(["auth", "saml", "get", DOMAIN, "--json"]).stdout) as SamlView;

/** Audit rows, read straight from the e2e server's database. */
const auditCount = (action: string, actorEmail: string): number =>
  sqlRows<{ n: number }>(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = ? AND "actorEmail" = ?`, action, actorEmail)[0].n;

async function adminPage(browser: Browser, options: { clipboard?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    locale: "en-US",
    permissions: options.clipboard ? ["clipboard-read", "clipboard-write"] : [],
  });
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  return page;
}

const keyRow = (page: Page, key: string): Locator => page.getByTestId(`saml-key-${key}`);

test("the admin reaches the page from the domain list and imports the IdP metadata from an http URL with Allow unsecure", async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await page.getByRole("link", { name: "Domains" }).click();
  await page.getByRole("link", { name: `SAML settings for ${DOMAIN}` }).click();
  await expect(page.getByRole("heading", { name: `SAML for ${DOMAIN}`, level: 1 })).toBeVisible();
  await expect(keyRow(page, "idp.entityid")).toContainText("Default");

  // http without "Allow unsecure" is refused at the field, and nothing is stored.
  await page.getByLabel("IdP metadata URL").fill(metadataUrl);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("The metadata URL must use https, unless “allow unsecure” is on.")).toBeVisible();
  expect(samlConfig().setKeys).toEqual([]);

  await page.getByLabel("Allow unsecure").check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(/^Imported \d+ keys\.$/)).toBeVisible();
  await expect(keyRow(page, "idp.entityid")).toContainText(IDP_ENTITY);
  await expect(keyRow(page, "idp.entityid")).not.toContainText("Default");
  await expect(keyRow(page, "idp.single_sign_on_service.url")).toContainText("https://idp.samladmin.test/sso");
  const status = page.getByTestId("saml-refresh-status");
  await expect(status).toContainText(metadataUrl);
  expect(samlConfig().settings["idp.entityid"]).toBe(IDP_ENTITY);
  await expectNoAxeViolations(page);
  await page.context().close();
});

test("Refresh now adds the IdP's new certificate beside the old one; a failed refresh shows why and changes nothing", async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await page.goto(SAML_PAGE);
  const status = page.getByTestId("saml-refresh-status");
  const rotated = await keyPair();
  const first = String(samlConfig().settings["idp.x509cert"]);
  served = idpMetadata({
    entityId: IDP_ENTITY,
    certificates: [rotated.certificate],
    sso: "https://idp.samladmin.test/sso",
  });
  await status.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByText("Metadata refreshed: 2 IdP certificates accepted.")).toBeVisible();
  const both = String(samlConfig().settings["idp.x509cert"]);
  expect(both).toContain(first.trim());
  expect(both.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);

  // A failed refresh is shown with its reason and changes nothing.
  served = null;
  await status.getByRole("button", { name: "Refresh now" }).click();
  await expect(status.getByText("The last refresh failed: The IdP's metadata could not be downloaded from that URL.")).toBeVisible();
  expect(samlConfig().settings["idp.x509cert"]).toBe(both);
  await page.context().close();
});

test("a bad value is refused at its field and changes nothing; a good one is saved; reset brings the default back", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto(SAML_PAGE);
  const row = keyRow(page, "organization.url");
  await expect(row).toContainText("Default");

  await page.getByRole("button", { name: "Edit organization.url" }).click();
  const field = page.getByLabel("New value of organization.url");
  await field.fill("not a url");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("organization.url must be an absolute http or https URL.")).toBeVisible();
  await expect(field).toHaveValue("not a url");
  expect(samlConfig().setKeys).not.toContain("organization.url");
  await expectNoAxeViolations(page);

  await field.fill("https://www.samladmin.test/");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("organization.url saved.")).toBeVisible();
  await expect(row).toContainText("https://www.samladmin.test/");
  await expect(row).not.toContainText("Default");
  expect(samlConfig().settings["organization.url"]).toBe("https://www.samladmin.test/");

  // A true/false key is a choice, not free text.
  await page.getByRole("button", { name: "Edit gatehouse.allow_idp_initiated" }).click();
  await page.getByLabel("New value of gatehouse.allow_idp_initiated").selectOption("true");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("gatehouse.allow_idp_initiated saved.")).toBeVisible();
  expect(samlConfig().settings["gatehouse.allow_idp_initiated"]).toBe(true);

  await page.getByRole("button", { name: "Reset to default: organization.url" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Reset organization.url?" });
  await dialog.getByRole("button", { name: "Reset to default" }).click();
  await expect(page.getByText("organization.url reset to its default.")).toBeVisible();
  await expect(row).toContainText("Default");
  expect(samlConfig().setKeys).not.toContain("organization.url");
  await page.context().close();
});

test("generating the SP certificate sets sp.x509cert; a second one asks before replacing the key pair", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto(SAML_PAGE);
  await expect(keyRow(page, "sp.x509cert")).toContainText("Default");
  await expect(page.getByRole("button", { name: "Export private key" })).toBeDisabled();

  await page.getByLabel("Country").fill("I1");
  await page.getByRole("button", { name: "Generate certificate" }).click();
  await expect(page.getByText("The country must be a two-letter code such as IT or DE.")).toBeVisible();
  expect(samlConfig().hasPrivateKey).toBe(false);

  await page.getByLabel("Country").fill("IT");
  await page.getByLabel("Organization", { exact: true }).fill("Samladmin Test");
  await page.getByLabel("Digest").selectOption("SHA512");
  await page.getByRole("button", { name: "Generate certificate" }).click();
  await expect(page.getByText("New SP certificate generated.")).toBeVisible();
  await expect(keyRow(page, "sp.x509cert")).toContainText("-----BEGIN CERTIFICATE-----");
  await expect(keyRow(page, "sp.x509cert")).not.toContainText("Default");
  const first = samlConfig();
  expect(first.hasPrivateKey).toBe(true);

  await page.getByRole("button", { name: "Generate certificate" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Replace the SP key pair?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(samlConfig().settings["sp.x509cert"]).toBe(first.settings["sp.x509cert"]);

  await page.getByRole("button", { name: "Generate certificate" }).click();
  await dialog.getByRole("button", { name: "Replace key pair" }).click();
  await expect(page.getByText("New SP certificate generated.")).toBeVisible();
  await expect.poll(() => samlConfig().settings["sp.x509cert"]).not.toBe(first.settings["sp.x509cert"]);
  await page.context().close();
});

test("saml.json downloads without the private key and imports back; the private key needs a fresh proof and is audited", async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await page.goto(SAML_PAGE);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download saml.json" }).click()]);
  expect(download.suggestedFilename()).toBe(`saml-${DOMAIN}.json`);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as Record<string, unknown>;
  expect(exported["idp.entityid"]).toBe(IDP_ENTITY);
  expect(String(exported["sp.x509cert"])).toContain("BEGIN CERTIFICATE");
  expect(exported).not.toHaveProperty(["sp.privatekey"]);
  expect(JSON.stringify(exported)).not.toContain("PRIVATE KEY");
  expect(auditCount("saml.exportPrivateKey", ADMIN.email)).toBe(0);

  // Round trip: the edited file imports back, and the stored private key is kept.
  const edited = { ...exported, "organization.name": "Samladmin Org" };
  await page.getByLabel("saml.json or IdP metadata file").setInputFiles({
    name: "saml.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(edited)),
  });
  await page.getByRole("button", { name: "Import file" }).click();
  await expect(page.getByText(/^Imported \d+ keys\.$/)).toBeVisible();
  await expect(keyRow(page, "organization.name")).toContainText("Samladmin Org");
  expect(samlConfig().hasPrivateKey).toBe(true);

  // A file over the limit is refused in the browser, before anything is sent.
  await page.getByLabel("saml.json or IdP metadata file").setInputFiles({
    name: "huge.json",
    mimeType: "application/json",
    buffer: Buffer.alloc(600 * 1024, " "),
  });
  await expect(page.getByText("The file is larger than 512 KB.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import file" })).toBeDisabled();

  // More than 10 minutes after the password: the export asks for it first; Escape exports nothing.
  const eleven = new Date(Date.now() - 11 * 60_000).toISOString().replace("Z", "+00:00");
  sql(`UPDATE "Session" SET "verifiedAt" = ? WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`, eleven, ADMIN.email);
  await page.getByRole("button", { name: "Export private key" }).click();
  const proof = page.getByRole("alertdialog", { name: "Confirm it's you" });
  await expect(proof).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(proof).toBeHidden();
  await expect(page.getByText("Confirm it's you to continue: enter your password or a code.")).toBeVisible();
  expect(auditCount("saml.exportPrivateKey", ADMIN.email)).toBe(0);

  await page.getByRole("button", { name: "Export private key" }).click();
  await proof.getByLabel("Password").fill(ADMIN.password);
  const [keyDownload] = await Promise.all([page.waitForEvent("download"), proof.getByRole("button", { name: "Confirm" }).click()]);
  const withKey = JSON.parse(readFileSync(await keyDownload.path(), "utf8")) as Record<string, unknown>;
  expect(String(withKey["sp.privatekey"])).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----/);
  expect(withKey["sp.x509cert"]).toBe(exported["sp.x509cert"]);
  expect(auditCount("saml.exportPrivateKey", ADMIN.email)).toBe(1);
  await page.context().close();
});

test("copy buttons put the values an IdP admin pastes on the clipboard; Test sign-in opens the flow in a new tab", async ({ browser }) => {
  const page = await adminPage(browser, { clipboard: true });
  await page.goto(SAML_PAGE);
  const copied = async (label: string) => {
    await page.getByRole("button", { name: `Copy ${label}` }).click();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const metadata = `${E2E_BASE_URL}/zx/auth/samlMetadata?domain=${DOMAIN}`;
  expect(await copied("Entity ID")).toBe(metadata);
  expect(await copied("Service URL (ACS)")).toBe(`${E2E_BASE_URL}/zx/auth/saml`);
  expect(await copied("SP metadata URL")).toBe(metadata);
  expect(await copied("Single logout URL")).toBe(`${E2E_BASE_URL}/zx/auth/logout`);
  await expect(page.locator("#saml-entity-id")).toHaveText(metadata);

  const testLink = page.getByRole("link", { name: /^Test sign-in/ });
  await expect(testLink).toHaveAttribute("href", `/zx/auth/startSamlWorkflow?domain=${DOMAIN}`);
  await expect(testLink).toHaveAttribute("target", "_blank");
  await expect(testLink).toHaveAttribute("rel", "noopener");
  await page.context().close();
});

test("a user who is not an admin gets no SAML page; an unknown domain is not found", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(SAML_PAGE);
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto(SAML_PAGE);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(IDP_ENTITY)).toHaveCount(0);
  await context.close();

  const admin = await adminPage(browser);
  for (const path of ["/admin/domains/no-such-domain.test/saml", "/admin/domains/not_a_domain/saml"]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await admin.context().close();
});
