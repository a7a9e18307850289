import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";

// Next's built-in 404 styles itself inline, which our nonce CSP refuses; ours uses the stylesheet.
test("an unknown address gets a styled, translated 404 page with no CSP refusals", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  const heading = page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" });
  await expect(heading).toBeVisible();
  // The app's stylesheet applies: the card's heading is semibold (600), not the browser's bold h1.
  expect(await heading.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("600");
  await expect(page.getByRole("link", { name: "Zur Startseite" })).toHaveAttribute("href", "/");
  await expectNoAxeViolations(page);
  expect(refused).toEqual([]);
  await context.close();
});
