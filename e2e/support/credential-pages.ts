import { expect, type Locator, type Page } from "@playwright/test";
import { cli } from "./server";

// Finding things on the credential pages, and the credentials the CLI lists: shared by the specs
// about service credentials.

/** The Card whose heading is exactly `title`. */
export function card(page: Page, title: string): Locator {
  return page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) }).last();
}

/** The table row that shows `label`. */
export function row(page: Page, label: string): Locator {
  return page.locator("tr", { has: page.getByText(label, { exact: true }) });
}

type Listed = { list: { id: string; label: string; services: string; enabled: boolean; generated: number }[] };

/** The account's credentials, as `gatehouse auth credential list --json` shows them. */
export function listed(email: string): Listed["list"] {
  const r = cli(["auth", "credential", "list", email, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Listed).list;
}
