import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * axe-core on the page as it is now, with WCAG 2.1 A/AA and best-practice rules, in the light and
 * the dark colour scheme (colour contrast differs). A saved theme on <html data-theme> overrides
 * the emulated scheme, as it does for the person. The page is left in the scheme it had.
 */
export async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(found, `axe in the ${colorScheme} scheme on ${page.url()}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}
