import { expect, test, type Locator, type Page } from "@playwright/test";
import { computeTotp } from "@/lib/two-factor/devices/totp-code";
import { expectNoAxeViolations } from "./support/accessibility";
import { card } from "./support/credential-pages";
import { enterCode, hydrated, signIn, signOut } from "./support/flows";
import { cli, createAccount, resetThrottle } from "./support/server";

// Every page a signed-in person and an administrator can reach passes axe in the light and the
// dark scheme (with a confirm dialog, a toast, field errors and a created secret open once); a
// saved dark theme is in the server's HTML; QR codes keep a white quiet zone in the dark; and the
// main pages hold at 390 px in German.
// Each axe pass runs twice (light, dark); on a busy machine the first story needs minutes.
test.describe.configure({ mode: "serial", timeout: 300_000 });

const USER = { email: "axe-user@axe.test", password: "violet harbour lamps at dusk 7" };
const PLAIN = { email: "axe-plain@axe.test", password: "copper kettles on the windowsill 3" };
const ADMIN = { email: "axe-admin@axe.test", password: "seven quiet owls over the dunes" };
const SHA1_6_30 = { algorithm: "SHA1", digits: 6, period: 30 } as const;
let secret = "";

test.beforeAll(() => {
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  resetThrottle();
  createAccount(USER.email, USER.password);
  createAccount(PLAIN.email, PLAIN.password);
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  expect(cli(["auth", "twoFactor", "require", USER.email, "true"]).code).toBe(0);
});

const userId = (email: string) => JSON.parse(cli(["user", "get", email, "--json"]).stdout).id as string;

/**
 * In the dark (saved or emulated): the QR code's wrapper is white while the page is not, and its
 * padding is at least four modules of the code (the quiet zone phones need).
 */
async function expectLightQuietZone(page: Page, wrapper: Locator) {
  const facts = await wrapper.evaluate((element) => {
    const svg = element.querySelector("svg")!;
    const modules = svg.viewBox.baseVal.width;
    const style = getComputedStyle(element);
    return {
      wrapper: style.backgroundColor,
      page: getComputedStyle(document.body).backgroundColor,
      padding: Math.min(...[style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft].map(parseFloat)),
      moduleSize: svg.getBoundingClientRect().width / modules,
    };
  });
  expect(facts.page, "the page is dark").not.toBe("rgb(255, 255, 255)");
  expect(facts.wrapper).toBe("rgb(255, 255, 255)");
  expect(facts.padding).toBeGreaterThanOrEqual(4 * facts.moduleSize);
}

test("a person's pages pass axe in both themes: sign-in, enrolment, account, credentials, security, the code step", async ({ page }) => {
  await page.goto("/login");
  await expectNoAxeViolations(page);

  // Enrolment at sign-in: the first step, then the QR code (white in the dark), then the codes.
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Device name").fill("Phone");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByTestId("totp-qr").locator("svg")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectLightQuietZone(page, page.getByTestId("totp-qr"));
  await page.emulateMedia({ colorScheme: null });
  secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(computeTotp(secret, SHA1_6_30, Date.now()));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Done, I have saved these codes" }).click();

  // The account: with field errors, then with a toast held open by the pointer.
  await expect(page).toHaveURL(/\/account$/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await card(page, "Language and theme").getByRole("button", { name: "Save" }).click();
  const toast = page.getByText("Language and theme saved.");
  await toast.hover();
  await expectNoAxeViolations(page);

  // Credentials: one in the list, a created secret and a QR code shown, then a confirm dialog.
  await page.goto("/account/credentials");
  const mobile = card(page, "Mobile passwords (Exchange ActiveSync)");
  await mobile.getByLabel("Label for the mobile password").fill("Work phone");
  await mobile.getByRole("button", { name: "Create mobile password" }).click();
  await expect(mobile.getByTestId("secret-value")).toBeVisible();
  const apps = card(page, "Mobile apps");
  await apps.getByLabel("Label for the mobile app").fill("Tablet");
  await apps.getByRole("button", { name: "Create QR code" }).click();
  await expect(apps.getByTestId("credential-qr")).toBeVisible();
  await expect(page.locator("tr", { hasText: "Work phone" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectLightQuietZone(page, apps.getByTestId("credential-qr").locator(".."));
  await page.emulateMedia({ colorScheme: null });
  await page.getByRole("button", { name: "Delete Work phone" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();

  // Security, with the authenticator listed.
  await page.goto("/account/security");
  await expect(card(page, "Authenticator apps")).toContainText("Phone");
  await expectNoAxeViolations(page);

  // The code step of the next sign-in.
  await signOut(page);
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/login\/otp$/);
  await expectNoAxeViolations(page);
  await enterCode(page, secret);
  await expect(page).toHaveURL(/\/account$/);
});

test("a saved dark theme is in the server's HTML, and QR codes stay on white in it", async ({ page }) => {
  await signIn(page, PLAIN.email, PLAIN.password);
  await expect(page).toHaveURL(/\/account$/);
  const preferences = card(page, "Language and theme");
  await preferences.getByLabel("Theme").selectOption("dark");
  await preferences.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  // No flash: the first byte of the page already says dark, before any script runs.
  for (const path of ["/account", "/account/credentials", "/account/security"]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toMatch(/<html[^>]*\sdata-theme="dark"/);
  }

  // A light system scheme does not win over the saved choice.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/account/credentials");
  const apps = card(page, "Mobile apps");
  await apps.getByLabel("Label for the mobile app").fill("Tablet");
  await apps.getByRole("button", { name: "Create QR code" }).click();
  await expectLightQuietZone(page, apps.getByTestId("credential-qr").locator(".."));

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Add an authenticator app" }).click();
  await page.getByLabel("Device name").fill("Tablet");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expectLightQuietZone(page, page.getByTestId("totp-qr"));
  await expectNoAxeViolations(page);
});

test("an administrator's pages pass axe in both themes, with a created secret and a confirm dialog open", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expectNoAxeViolations(page);

  await page.goto(`/admin/users/${userId(PLAIN.email)}`);
  const credentials = card(page, "Credentials");
  await credentials.getByLabel("Credential label").fill("Scanner relay");
  await credentials.getByLabel(/^SMTP/).check();
  await credentials.getByRole("button", { name: "Create credential" }).click();
  await expect(credentials.getByTestId("secret-value")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();

  for (const path of ["/admin/domains", "/admin/policies", "/admin/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

/**
 * Nothing wider than the phone: the page does not scroll sideways, and every visible button shows
 * all of its text inside the screen (a button in a sideways-scrolling table may sit beyond it).
 */
async function expectFitsThePhone(page: Page) {
  const found = await page.evaluate(() => {
    const width = window.innerWidth;
    const problems: string[] = [];
    const inScroller = (element: Element) => {
      for (let e = element.parentElement; e; e = e.parentElement) if (/(auto|scroll)/.test(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    if (document.documentElement.scrollWidth > width) {
      // Name the first element that sticks out, to say where to look.
      const all = [...document.body.querySelectorAll("*")].filter((e) => !inScroller(e));
      const wide =
        all.find((e) => e.getBoundingClientRect().right > width + 0.5) ?? all.reverse().find((e) => e.scrollWidth > e.clientWidth + 1);
      const where = wide ? `${wide.tagName.toLowerCase()}.${[...wide.classList].join(".")}` : "?";
      problems.push(`page is ${document.documentElement.scrollWidth}px wide, at ${where}`);
    }
    for (const button of document.querySelectorAll<HTMLElement>("button, a[class*='min-h-'], summary")) {
      const box = button.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(button).visibility === "hidden") continue;
      const name = (button.innerText || button.getAttribute("aria-label") || "").trim().slice(0, 40);
      if (button.scrollWidth > button.clientWidth + 1) problems.push(`"${name}" clips its text`);
      if (!inScroller(button) && (box.left < -0.5 || box.right > width + 0.5)) problems.push(`"${name}" runs off the screen`);
    }
    return problems;
  });
  expect(found, page.url()).toEqual([]);
}

test.describe("German on a 390 px phone", () => {
  test.use({ locale: "de-DE", viewport: { width: 390, height: 844 } });

  test("the main pages neither scroll sideways nor clip a button", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expectFitsThePhone(page);
    await page.getByLabel("E-Mail-Adresse").fill(PLAIN.email);
    await page.getByLabel("Passwort").fill(PLAIN.password);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page).toHaveURL(/\/account$/);
    for (const path of ["/account", "/account/credentials", "/account/security"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectFitsThePhone(page);
    }
    await page.context().clearCookies();

    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel("E-Mail-Adresse").fill(ADMIN.email);
    await page.getByLabel("Passwort").fill(ADMIN.password);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    for (const path of ["/admin/users", `/admin/users/${userId(PLAIN.email)}`, "/admin/domains", "/admin/policies", "/admin/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectFitsThePhone(page);
    }
  });
});
