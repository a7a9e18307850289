import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { card, row } from "./support/credential-pages";
import { createAccount, e2eState } from "./support/server";
import { signIn } from "./support/flows";

// The gate that `npm start` runs beside the web app: an app password made in the portal passes
// nginx's auth_http question, and disabling it in the portal refuses it at the very next login,
// although the gate had cached its yes (the web app tells the gate over npm start's IPC channel).
const FRANK = { email: "gate-frank@example.com", password: "lanterns along the harbour wall 6" };

async function askGate(user: string, pass: string): Promise<Record<string, string>> {
  const { gateUrl, dataDir } = e2eState();
  const key = readFileSync(path.join(dataDir, "gate-secret"), "utf8").trim();
  const res = await fetch(`${gateUrl}/auth`, {
    headers: {
      "X-Auth-Key": key,
      "Auth-Method": "plain",
      "Auth-User": encodeURIComponent(user),
      "Auth-Pass": encodeURIComponent(pass),
      "Auth-Protocol": "imap",
      "Auth-Login-Attempt": "1",
      "Client-IP": "192.0.2.60",
    },
  });
  return Object.fromEntries([...res.headers.entries()].filter(([k]) => k.startsWith("auth-")));
}

test("an app password made in the portal passes the gate, and is refused at once when disabled there", async ({ page }) => {
  createAccount(FRANK.email, FRANK.password);
  await signIn(page, FRANK.email, FRANK.password);
  await page.getByRole("link", { name: "Credentials" }).click();
  const app = card(page, "App passwords");
  await app.getByLabel("Label for the app password").fill("Mail app");
  await app.getByLabel(/^IMAP/).check();
  await app.getByRole("button", { name: "Create app password" }).click();
  const secret = (await app.getByTestId("secret-value").textContent())!.trim();

  expect(await askGate(FRANK.email, secret)).toMatchObject({ "auth-status": "OK", "auth-user": FRANK.email, "auth-port": "1143" });
  expect(await askGate(FRANK.email, secret)).toMatchObject({ "auth-status": "OK" }); // now from the gate's cache

  await row(page, "Mail app").getByRole("button", { name: "Disable Mail app" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(row(page, "Mail app")).toContainText("Disabled");
  expect(await askGate(FRANK.email, secret)).toMatchObject({ "auth-status": "Invalid login or password" });

  await row(page, "Mail app").getByRole("button", { name: "Enable Mail app" }).click();
  await expect(row(page, "Mail app")).toContainText("Active");
  expect(await askGate(FRANK.email, secret)).toMatchObject({ "auth-status": "OK" });
});
