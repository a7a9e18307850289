import { expect, test, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { hydrated, signIn, signOut } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";
import { cli, createAccount, resetThrottle, sql, sqlRows } from "./support/server";

// Passkeys in Chromium with the DevTools protocol's virtual authenticator (CTAP2, internal
// transport, resident keys, user verification): a user adds one on the Security page, then signs
// in with password + passkey, and without a password; a replayed answer is refused; the passkey
// is renamed; recovery codes made for it stand in for it; it renews a stale proof in the confirm
// dialog; another authenticator that never registered gets nowhere; once deleted, the passkey is
// no longer asked for.
test.describe.configure({ mode: "serial" });

const USER = { email: "keys@passkeys.test", password: "violet lanterns over the quiet pier" };

type Authenticator = { session: CDPSession; id: string };

/** A virtual platform authenticator for this page, as a laptop or phone has. */
async function addAuthenticator(page: Page): Promise<Authenticator> {
  const session = await page.context().newCDPSession(page);
  await session.send("WebAuthn.enable");
  const { authenticatorId } = await session.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { session, id: authenticatorId };
}

/**
 * The login page arms the browser's passkey autofill (conditional mediation), and a virtual
 * authenticator answers it at once, as a person picking the passkey would: a page with a passkey
 * would then never stay on the password form. So these pages report no autofill support, as a
 * browser without it does, unless a test sets `e2e.autofill` in localStorage.
 */
async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale: "en-US" });
  await context.addInitScript(() => {
    let wanted = false;
    try {
      wanted = localStorage.getItem("e2e.autofill") === "on";
    } catch {
      // about:blank has no storage
    }
    if (!wanted && typeof PublicKeyCredential !== "undefined")
      Object.defineProperty(PublicKeyCredential, "isConditionalMediationAvailable", { value: async () => false });
  });
  return { context, page: await context.newPage() };
}

const lastTwoFactorMethod = (): unknown => {
  const [row] = sqlRows<{ details: string }>(
    `SELECT "details" FROM "AuditEvent" WHERE "action" = 'login.2fa' AND "subjectEmail" = ? ORDER BY "createdAt" DESC LIMIT 1`,
    USER.email,
  );
  return row ? JSON.parse(row.details) : null;
};

let laptop: { context: BrowserContext; page: Page; authenticator: Authenticator };

test.beforeAll(async ({ browser }) => {
  resetThrottle();
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  createAccount(USER.email, USER.password);
  const { context, page } = await newPage(browser);
  laptop = { context, page, authenticator: await addAuthenticator(page) };
});

test.afterAll(async () => {
  await laptop?.context.close();
});

test("a user adds a passkey on the Security page, then signs in with password and passkey", async () => {
  const { page, authenticator } = laptop;
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  await expect(page.getByText("No passkeys yet")).toBeVisible();
  await page.getByLabel("Name for a new passkey").fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey “Work laptop” added.")).toBeVisible();
  await expect(page.getByTestId("passkeys")).toContainText("Work laptop");
  const { credentials } = await authenticator.session.send("WebAuthn.getCredentials", { authenticatorId: authenticator.id });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);
  expect(cli(["auth", "passkey", "list", USER.email]).stdout).toContain("Work laptop");
  await expectNoAxeViolations(page);

  await signOut(page);
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/login\/otp$/);
  await expect(page.getByRole("heading", { name: "Confirm with your passkey", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveCount(0); // no authenticator app, no recovery codes: nothing to type
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect(lastTwoFactorMethod()).toEqual({ method: "passkey" });
});

const sessionMethods = (): string[] =>
  sqlRows<{ details: string }>(
    `SELECT "details" FROM "AuditEvent" WHERE "action" = 'session.create' AND "subjectEmail" = ? ORDER BY "createdAt"`,
    USER.email,
  ).map((r) => JSON.parse(r.details).method);

test('"Sign in with a passkey" needs no address and no password; its answer cannot be sent again', async () => {
  const { page } = laptop;
  await signOut(page);
  await hydrated(page);
  await expect(page.getByLabel("Email address")).toHaveAttribute("autocomplete", "username webauthn");
  await expectNoAxeViolations(page);
  const answers: Request[] = [];
  const keepAnswer = (r: Request) => {
    if (r.method() === "POST" && (r.postData() ?? "").includes("clientDataJSON")) answers.push(r);
  };
  page.on("request", keepAnswer);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  page.off("request", keepAnswer);
  expect(sessionMethods().at(-1)).toBe("passkey");

  // The same answer again, as an attacker who captured it would send it: refused, no new session.
  expect(answers).toHaveLength(1);
  const sessions = sessionMethods().length;
  const replay = await page.request.post(answers[0].url(), {
    headers: await answers[0].allHeaders(),
    data: answers[0].postData() ?? "",
  });
  expect(await replay.text()).toContain("invalid_credentials");
  expect(sessionMethods()).toHaveLength(sessions);
});

test("the email field's autofill offers the passkey, and picking it signs in", async () => {
  const { page } = laptop;
  await signOut(page);
  const before = sessionMethods().length;
  await page.evaluate(() => localStorage.setItem("e2e.autofill", "on"));
  await page.goto("/login");
  await expect(page).toHaveURL(/\/account$/);
  expect(sessionMethods()).toHaveLength(before + 1);
  expect(sessionMethods().at(-1)).toBe("passkey");
  await page.evaluate(() => localStorage.removeItem("e2e.autofill"));
});

test("a passkey is renamed on the Security page", async () => {
  const { page } = laptop;
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Rename passkey Work laptop" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel("New name").fill("Old laptop");
  await dialog.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Passkey renamed to “Old laptop”.")).toBeVisible();
  await expect(page.getByTestId("passkeys")).toContainText("Old laptop");
  expect(cli(["auth", "passkey", "list", USER.email]).stdout).toContain("Old laptop");
});

test("with only a passkey, the person makes recovery codes, and one signs in where the passkey is not at hand", async ({ browser }) => {
  const { page } = laptop;
  await page.goto("/account/security");
  await expect(page.getByTestId("recovery-status")).toContainText("You have no recovery codes.");
  await page.getByRole("button", { name: "Make recovery codes" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Make recovery codes" }).click();
  const shown = page.getByTestId("recovery-codes");
  await expect(shown).toBeVisible();
  const code = (await shown.innerText()).match(/[0-9a-z]{5}-[0-9a-z]{5}/)?.[0] ?? "";
  expect(code).not.toBe("");
  await page.getByRole("button", { name: "Done, I have saved these codes" }).click();
  await expect(page.getByTestId("recovery-status")).toHaveText("12 of 12 recovery codes left.");

  // Another browser, with no authenticator: the password, then the code below the passkey button.
  const { context, page: elsewhere } = await newPage(browser);
  await signIn(elsewhere, USER.email, USER.password);
  await expect(elsewhere).toHaveURL(/\/login\/otp$/);
  await expect(elsewhere.getByRole("button", { name: "Use a passkey" })).toBeVisible();
  await elsewhere.getByLabel("Code").fill(code);
  await elsewhere.getByRole("button", { name: "Verify" }).click();
  await expect(elsewhere).toHaveURL(/\/account$/);
  expect(lastTwoFactorMethod()).toEqual({ method: "recovery" });
  await signOut(elsewhere);
  await context.close();
});

test("more than 10 minutes on, the confirm-it's-you dialog takes the passkey itself", async () => {
  const { page } = laptop;
  await page.goto("/account/security");
  const eleven = new Date(Date.now() - 11 * 60_000).toISOString().replace("Z", "+00:00");
  sql(`UPDATE "Session" SET "verifiedAt" = ? WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`, eleven, USER.email);
  await page.getByRole("button", { name: "Regenerate recovery codes" }).click();
  await page.getByRole("alertdialog", { name: "Make new recovery codes?" }).getByRole("button", { name: "Make new codes" }).click();
  const proof = page.getByRole("alertdialog", { name: "Confirm it's you" });
  await expect(proof).toBeVisible();
  await expect(proof.getByRole("button", { name: "Use a code instead" })).toBeVisible(); // the recovery codes
  await expectNoAxeViolations(page);
  await proof.getByRole("button", { name: "Use a passkey" }).click();
  await expect(proof).toBeHidden();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  await page.getByRole("button", { name: "Done, I have saved these codes" }).click();
  const [row] = sqlRows<{ details: string }>(
    `SELECT "details" FROM "AuditEvent" WHERE "action" = 'session.reauth' AND "subjectEmail" = ? ORDER BY "createdAt" DESC LIMIT 1`,
    USER.email,
  );
  expect(JSON.parse(row.details)).toEqual({ method: "passkey" });
});

test("an authenticator that never registered a passkey gets no further than the passkey step", async ({ browser }) => {
  const { context, page } = await newPage(browser);
  await addAuthenticator(page);
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/login\/otp$/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(
    page.getByText("No passkey was used: the request was cancelled or timed out, or this device has no passkey for this site."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login\/otp$/);
  expect((await context.cookies()).map((c) => c.name)).not.toContain("gatehouse.session");

  // Nor without a password: it has nothing for this site to offer.
  await page.goto("/login");
  await hydrated(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(
    page.getByText("No passkey was used: the request was cancelled or timed out, or this device has no passkey for this site."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await context.close();
});

test("a deleted passkey is no longer asked for, and the CLI sees it gone", async () => {
  const { page } = laptop;
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Delete passkey Old laptop" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete passkey" }).click();
  await expect(page.getByText("Passkey “Old laptop” deleted.")).toBeVisible();
  await expect(page.getByText("No passkeys yet")).toBeVisible();
  expect(JSON.parse(cli(["auth", "passkey", "list", USER.email, "--json"]).stdout).passkeys).toEqual([]);

  await signOut(page);
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/account$/);
});

test("a new hire enrols a passkey from an auth link and lands in the portal", async ({ browser }) => {
  const HIRE = { email: "hire@passkeys.test", password: "amber tides along the northern wall" };
  expect(cli(["user", "create", HIRE.email, "--no-password"]).code).toBe(0);
  expect(cli(["auth", "twoFactor", "require", HIRE.email, "true"]).code).toBe(0);
  const { url } = JSON.parse(cli(["auth", "link", "create", HIRE.email, "--json"]).stdout) as { url: string };
  const { context, page } = await newPage(browser);
  const authenticator = await addAuthenticator(page);
  await page.goto(url);
  await page.getByRole("link", { name: "Continue" }).click();
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(HIRE.password);
  await page.getByLabel("Repeat the new password").fill(HIRE.password);
  await page.getByRole("button", { name: "Set password and continue" }).click();

  await expect(page).toHaveURL(/\/login\/enrol$/);
  await expect(page.getByText("Add a passkey or an authenticator app to continue.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Passkey name").fill("Nina's laptop");
  await page.getByRole("button", { name: "Add a passkey and continue" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect(JSON.parse(cli(["auth", "passkey", "list", HIRE.email, "--json"]).stdout).passkeys).toEqual([
    expect.objectContaining({ name: "Nina's laptop", lastUsedAt: null }),
  ]);
  const { credentials } = await authenticator.session.send("WebAuthn.getCredentials", { authenticatorId: authenticator.id });
  expect(credentials).toHaveLength(1);
  await context.close();
});
