import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * axe-core on the page as it is now, with WCAG 2.1 A/AA and best-practice rules, in the light and
 * the dark colour scheme (colour contrast differs). A saved theme on <html data-theme> overrides
 * the emulated scheme, as it does for the person. The page is left in the scheme it had.
 */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation the URL changes before the new page's metadata (its <title>)
  // has streamed in: wait for a title so axe judges the page, not the moment between two pages.
  // A page that never gets one still fails here.
  await expect(page).toHaveTitle(/\S/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // Colour transitions (buttons, table headers) would let axe read a colour from before the
    // switch or halfway: getAnimations() applies the new scheme's styles, which starts them, and
    // finish() ends each at once (endless ones, such as a spinner, have no end to jump to).
    await page.evaluate(() =>
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .forEach((animation) => animation.finish()),
    );
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    // Each node with axe's own reason (for contrast: the two colours and the ratio it measured).
    const found = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("; ")}`,
    );
    expect(found, `axe in the ${colorScheme} scheme on ${page.url()}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}
