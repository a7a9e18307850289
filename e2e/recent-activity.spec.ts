import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { signIn } from "./support/flows";
import { createAccount, resetThrottle } from "./support/server";

// "Recent activity" on the security page (issue 13): the person's sign-ins and a wrong password for
// their address, then "This wasn't me", which signs every other browser out and leads to the
// password change.

test("recent activity shows the sign-ins and the wrong password; “This wasn't me” signs the other browser out", async ({
  page,
  browser,
}) => {
  const account = createAccount("activity@activity-e2e.test", "a long enough password 42");
  resetThrottle();
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, account.email, "not the password at all");
  await expect(elsewhere.getByText("The email address or password is not right.")).toBeVisible();
  await signIn(elsewhere, account.email, account.password);
  await expect(elsewhere).toHaveURL(/\/account$/);

  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  const activity = page.getByTestId("recent-activity");
  await expect(activity.getByRole("row").filter({ hasText: "Signed in" })).toHaveCount(2);
  await expect(activity.getByRole("row").filter({ hasText: "Wrong password" })).toHaveCount(1);
  await expect(activity.getByRole("row").filter({ hasText: "Signed in" }).first()).toContainText("Password");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "This wasn't me" }).click();
  await page.getByRole("alertdialog", { name: "Secure your account?" }).getByRole("button", { name: "Sign everything else out" }).click();
  await expect(page).toHaveURL(/\/account#change-password$/);
  await expect(page.getByText("One other session was signed out. Now change your password.")).toBeVisible();

  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/login/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await other.close();
  resetThrottle();
});
