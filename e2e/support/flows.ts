import { expect, type Page } from "@playwright/test";
import { computeTotp } from "@/lib/two-factor/devices/totp-code";

/** Waits until React has hydrated the page (components/providers/hydration-mark.tsx): typing earlier reaches only the DOM. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

const SHA1_6_30 = { algorithm: "SHA1", digits: 6, period: 30 } as const;

/** A TOTP code for the step after the current one: the ±1 window takes it, and no earlier sign-in used it. */
export function nextCode(secret: string): string {
  return computeTotp(secret, SHA1_6_30, Date.now() + 30_000);
}

/**
 * On /login/enrol (a second factor is required and the account has none): adds an authenticator
 * app with the default options and returns its key, so later sign-ins can compute codes.
 */
export async function enrolAtSignIn(page: Page, label = "Phone"): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await page.getByLabel("Device name").fill(label);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(computeTotp(secret, SHA1_6_30, Date.now()));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes).toBeVisible();
  const recoveryCodes = (await codes.innerText()).match(/[0-9a-z]{5}-[0-9a-z]{5}/g) ?? [];
  await page.getByRole("button", { name: "Done, I have saved these codes" }).click();
  return { secret, recoveryCodes };
}

/** The OTP step of sign-in, with a fresh code from `secret`. */
export async function enterCode(page: Page, secret: string) {
  await expect(page).toHaveURL(/\/login\/otp$/);
  await page.getByLabel("Code").fill(nextCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
}
