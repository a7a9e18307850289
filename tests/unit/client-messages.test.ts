import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { CLIENT_MESSAGES, pickMessages, type ClientMessagesPart } from "@/lib/i18n/client-messages";
import { APP_DIR, clientNamespaces, routeFiles } from "./support/client-translations";

const catalogue = JSON.parse(readFileSync(path.join(APP_DIR, "..", "messages", "en.json"), "utf8")) as Record<string, unknown>;
const covered = (ns: string, paths: readonly string[]) => paths.some((p) => ns === p || ns.startsWith(`${p}.`));

// Where each part's provider sits: the root layout (and pages outside the route groups), or a group's layout.
const ENTRIES: Record<ClientMessagesPart, string[]> = {
  root: routeFiles(APP_DIR, true),
  auth: routeFiles(path.join(APP_DIR, "(auth)")),
  portal: routeFiles(path.join(APP_DIR, "(portal)")),
  admin: routeFiles(path.join(APP_DIR, "(admin)")),
};

describe("messages sent to the browser", () => {
  for (const part of Object.keys(ENTRIES) as ClientMessagesPart[]) {
    it(`${part}: every namespace its client components ask for is sent`, () => {
      const use = clientNamespaces(ENTRIES[part]);
      assert.ok(use.files.size > 0, `no client translations found under ${part}: the walk found nothing`);
      const missing = [...use.files].flatMap(([file, names]) =>
        names.filter((ns) => !ns || !covered(ns, CLIENT_MESSAGES[part])).map((ns) => `${file}: useTranslations(${JSON.stringify(ns)})`),
      );
      assert.deepEqual(missing, [], `add these to CLIENT_MESSAGES.${part} (lib/i18n/client-messages.ts)`);
    });
  }

  it("names only parts of the catalogue that exist", () => {
    for (const paths of Object.values(CLIENT_MESSAGES)) {
      for (const dotted of paths) assert.deepEqual(Object.keys(pickMessages(catalogue, [dotted])).length, 1, dotted);
    }
  });

  it("sends the sign-in pages a small part of the catalogue", () => {
    const size = (m: unknown) => JSON.stringify(m).length;
    assert.ok(size(pickMessages(catalogue, CLIENT_MESSAGES.auth)) < size(catalogue) / 4);
  });

  it("picks nested parts without their siblings", () => {
    const picked = pickMessages({ ui: { toast: { close: "Close" }, copy: { done: "Copied" } }, auth: { a: "A" } }, ["ui.toast", "nope.x"]);
    assert.deepEqual(picked, { ui: { toast: { close: "Close" } } });
  });
});
