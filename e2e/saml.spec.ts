import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./support/flows";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestIdp, serveIdp, type IdpAnswer } from "../tests/saml-idp";
import { expectNoAxeViolations } from "./support/accessibility";
import { E2E_BASE_URL } from "./support/ports";
import { cli, createAccount, sqlRows } from "./support/server";

// SAML single sign-on in a real browser against an independent IdP (samlify) served by the test on
// loopback: LOGIN SAML, the direct startSamlWorkflow link, IdP-initiated login, and single logout
// started by either side (issue 11). The IdP signs in whoever `idpUser` names, without a form.

const DOMAIN = "saml-e2e.test";
const ep = {
  entityId: `${E2E_BASE_URL}/zx/auth/samlMetadata?domain=${DOMAIN}`,
  acs: `${E2E_BASE_URL}/zx/auth/saml`,
  slo: `${E2E_BASE_URL}/zx/auth/logout`,
};
let idp: TestIdp;
let server: Server;
let idpUser = `alice@${DOMAIN}`;

/** The IdP's page that posts a response to our ACS, as every HTTP-POST IdP does. */
const autoPost = (samlResponse: string, relayState?: string, action = ep.acs): IdpAnswer => ({
  type: "text/html",
  body: `<!doctype html><form method="post" action="${action}"><input type="hidden" name="SAMLResponse" value="${samlResponse}">${
    relayState ? `<input type="hidden" name="RelayState" value="${relayState}">` : ""
  }</form><script>document.forms[0].submit()</script>`,
});

/** What reached the IdP, so a test can tell that a step went through it. */
const idpVisits: string[] = [];

/** The IdP's side of each step. */
async function answer(url: URL): Promise<IdpAnswer> {
  idpVisits.push(`${url.pathname}${url.searchParams.has("SAMLRequest") ? "+request" : ""}`);
  switch (url.pathname) {
    case "/metadata":
      return { type: "application/samlmetadata+xml", body: idp.metadata() };
    case "/sso":
      return autoPost(await idp.response(ep, { nameId: idpUser, inResponseTo: await idp.requestIdOf(ep, url.href), sessionIndex: "_e2e" }));
    case "/idp-initiated": {
      // The Reply URL as Carbonio's Azure notes write it: a trailing slash and ?domain=.
      const azureAcs = `${ep.acs}/?domain=${DOMAIN}`;
      const values = { Destination: azureAcs, SubjectRecipient: azureAcs };
      return autoPost(await idp.response(ep, { nameId: idpUser, sessionIndex: "_e2e", values }), "/account", azureAcs);
    }
    case "/slo":
      return url.searchParams.has("SAMLRequest")
        ? { status: 302, body: "", location: await idp.logoutResponseUrl(ep, url.href) }
        : { type: "text/html", body: "<!doctype html><title>IdP</title><h1>Signed out at the IdP</h1>" };
    case "/logout-everywhere":
      return { status: 302, body: "", location: idp.logoutRequestUrl(ep, idpUser, "_e2e") };
    default:
      return { status: 404, body: "" };
  }
}

test.beforeAll(async () => {
  const started = await serveIdp(answer, new URL(E2E_BASE_URL).hostname);
  server = started.server;
  idp = await TestIdp.create(`${started.base}/metadata`, started.base);
  const metadataFile = path.join(mkdtempSync(path.join(tmpdir(), "gatehouse-idp-")), "idp-metadata.xml");
  writeFileSync(metadataFile, idp.metadata());
  createAccount(`alice@${DOMAIN}`, "an unused password 123", { name: "Alice" });
  for (const args of [
    // From a file: the CLI runs synchronously, so this process's IdP could not answer a URL import
    // (tests/db/saml-config.test.ts and the console's spec import from a URL).
    ["auth", "saml", "import", DOMAIN, "file", metadataFile],
    ["auth", "saml", "update", DOMAIN, "gatehouse.allow_idp_initiated", "true"],
  ]) {
    const r = cli(args);
    if (r.code !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
  }
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function expectSignedInAsAlice(page: Page) {
  await expect(page).toHaveURL(/\/account/);
  await expect(page.getByText(`alice@${DOMAIN}`).first()).toBeVisible();
}

test("LOGIN SAML appears for the typed address, goes to the IdP and comes back signed in", async ({ page }) => {
  await page.goto("/login");
  await hydrated(page);
  await expect(page.getByTestId("login-saml")).toHaveCount(0);
  await page.getByLabel("Email address").fill(`alice@${DOMAIN}`);
  await page.getByLabel("Password").focus();
  await expect(page.getByTestId("login-saml")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId("login-saml").click();
  await expectSignedInAsAlice(page);
});

test("the direct startSamlWorkflow link and ?domain= on the sign-in page", async ({ page }) => {
  await page.goto(`/zx/auth/startSamlWorkflow?domain=${DOMAIN}&redirectUrl=${encodeURIComponent(`${E2E_BASE_URL}/account/security`)}`);
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.context().clearCookies();
  await page.goto(`/login?domain=${DOMAIN}`);
  await expect(page.getByTestId("login-saml")).toBeVisible();
  // A redirect to another site is never followed: the user lands on this site.
  await page.goto(`/zx/auth/startSamlWorkflow?domain=${DOMAIN}&redirectUrl=${encodeURIComponent("https://evil.example/")}`);
  await expect(page).toHaveURL(new RegExp(`^${E2E_BASE_URL}/`));
});

test("IdP-initiated login (to Azure's form of the Reply URL) lands on the relay state", async ({ page }) => {
  await page.goto(`${idp.baseUrl}/idp-initiated`);
  await expectSignedInAsAlice(page);
});

test("signing out of a SAML session signs out at the IdP too", async ({ page }) => {
  await page.goto(`/zx/auth/startSamlWorkflow?domain=${DOMAIN}`);
  await expect(page).toHaveURL(/\/account/);
  idpVisits.length = 0;
  await page.getByRole("button", { name: "Sign out" }).click();
  // Our LogoutRequest went to the IdP, whose LogoutResponse came back and ended on the sign-in page.
  await expect(page).toHaveURL(/\/login$/);
  expect(idpVisits).toEqual(["/slo+request"]);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});

test("a logout started at the IdP ends the local session", async ({ page }) => {
  await page.goto(`/zx/auth/startSamlWorkflow?domain=${DOMAIN}`);
  await expect(page).toHaveURL(/\/account/);
  await page.goto(`${idp.baseUrl}/logout-everywhere`);
  await expect(page.getByRole("heading", { name: "Signed out at the IdP" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});

test("a failed SAML sign-in shows a reference the audit trail explains", async ({ page }) => {
  idpUser = `nobody@${DOMAIN}`;
  try {
    await page.goto(`/zx/auth/startSamlWorkflow?domain=${DOMAIN}`);
    await expect(page).toHaveURL(/\/login\/saml-error\?ref=/);
    const reference = await page.getByTestId("saml-error-reference").innerText();
    await expectNoAxeViolations(page);
    const [row] = sqlRows<{ details: string }>(
      `SELECT details FROM "AuditEvent" WHERE action = 'login.saml' AND details LIKE ?`,
      `%${reference}%`,
    );
    expect(JSON.parse(row.details)).toMatchObject({ reason: "unknown_user", reference, domain: DOMAIN });
  } finally {
    idpUser = `alice@${DOMAIN}`;
  }
});

test("a SAML-only domain hides the password form; ?method=password keeps the administrators' way in", async ({ page }) => {
  expect(cli(["auth", "saml", "update", DOMAIN, "gatehouse.saml_only", "true"]).code).toBe(0);
  try {
    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel("Email address").fill(`alice@${DOMAIN}`);
    await page.getByLabel("Email address").blur();
    await expect(page.getByTestId("login-saml-note")).toHaveText("Your organisation signs you in through its own sign-in page.");
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await page.goto(`/login?domain=${DOMAIN}&method=password`);
    await expect(page.getByTestId("login-saml")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
  } finally {
    cli(["auth", "saml", "update", DOMAIN, "gatehouse.saml_only", "false"]);
  }
});
