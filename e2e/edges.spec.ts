import { expect, test, type Page } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { cli, createAccount, resetThrottle } from "./support/server";
import { expectNoAxeViolations } from "./support/accessibility";
import { signIn } from "./support/flows";
import { E2E_BASE_URL } from "./support/ports";

// The edges of the web app: security headers and a strict CSP that the pages live with, the
// client address rule, next-auth's base URL and redirects, server actions and the sign-in route
// without a same-site Origin, and the body cap of JSON routes.
test.describe.configure({ mode: "serial" });

const ADMIN = { email: "edge-admin@edges.test", password: "lanterns along the sea wall" };
const USER = { email: "edge-user@edges.test", password: "quiet rooms full of books" };

test.beforeAll(() => {
  // Not the first admin's story: no second factor needed here (and the spec runs alone too).
  expect(cli(["auth", "twoFactor", "require", "admins", "false"]).code).toBe(0);
  resetThrottle();
  createAccount(ADMIN.email, ADMIN.password, { admin: true });
  createAccount(USER.email, USER.password);
});

/** Every CSP violation the page reports, as a browser event or a console message. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

const directives = (policy: string) => new Map(policy.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

test("pages carry a nonce-based policy that matches their scripts; JSON routes a closed one", async ({ request }) => {
  const first = await request.get("/login");
  const headers = first.headers();
  const policy = directives(headers["content-security-policy"]);
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])?.[1];
  expect(nonce, "a nonce in script-src").toBeTruthy();
  expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"], "no HSTS while PUBLIC_URL is http").toBeUndefined();
  const html = await first.text();
  const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  const second = await request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const routePolicy = directives(health.headers()["content-security-policy"]);
  expect(routePolicy.get("default-src")).toEqual(["'none'"]);
  expect(routePolicy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the admin console and the portal work under the policy with no violation reported", async ({ browser }) => {
  for (const [account, paths] of [
    [ADMIN, ["/admin/users", "/admin", "/admin/domains", "/admin/policies", "/admin/audit"]],
    [USER, ["/account", "/account/security", "/account/credentials"]],
  ] as const) {
    const context = await browser.newContext({ baseURL: E2E_BASE_URL });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await signIn(page, account.email, account.password); // needs the page's scripts: next-auth finishes in the browser
    await expect(page).toHaveURL(new RegExp(`${paths[0]}$`));
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (account === ADMIN) await expectNoAxeViolations(page);
    }
    // A client-side interaction too: the users list searches through TanStack Query.
    if (account === ADMIN) {
      await page.goto("/admin/users");
      await page.getByLabel("Search users").fill("edge-user");
      await expect(page.getByRole("link", { name: USER.email })).toBeVisible();
    }
    expect(violations).toEqual([]);
    await context.close();
  }
});

test("neither X-Forwarded-For nor a forged client-address header changes the address a session is recorded with", async ({ browser }) => {
  const spoofing = await browser.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: { "X-Forwarded-For": "10.1.2.3", "X-Gatehouse-Client": "10.9.8.7;AAAA" },
  });
  const page = await spoofing.newPage();
  await signIn(page, USER.email, USER.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  const row = page.getByRole("row", { name: /This device/ });
  await expect(row).toContainText("127.0.0.1");
  await expect(page.getByText(/10\.1\.2\.3|10\.9\.8\.7/)).toHaveCount(0);
  await spoofing.close();
});

test("next-auth names PUBLIC_URL and does not redirect a sign-out to another origin", async ({ request }) => {
  const providers = await (await request.get("/api/auth/providers")).json();
  expect(providers.ticket.signinUrl).toBe(`${E2E_BASE_URL}/api/auth/signin/ticket`);
  expect(providers.ticket.callbackUrl).toBe(`${E2E_BASE_URL}/api/auth/callback/ticket`);

  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  expect(csrfToken).toBeTruthy();
  // Names only: nothing is ever fetched from these.
  for (const away of ["http://evil.example/phish", "http://localhost:3000/phish", "//evil.example/phish"]) {
    const signOut = await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: away }, maxRedirects: 0 });
    expect(signOut.status()).toBe(302);
    expect(signOut.headers()["location"]).toBe(E2E_BASE_URL);
  }
  const home = await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  expect(home.headers()["location"]).toBe(`${E2E_BASE_URL}/login`);
});

test("a server action POST without Origin, or with a forged X-Forwarded-Host and Origin, is refused and runs nothing", async ({
  page,
  request,
}) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Email address").fill("dora@edges.test");
  const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await form.getByRole("button", { name: "Create user" }).click();
  const original = await posted;
  await expect(page.getByText("User dora@edges.test created.")).toBeVisible();

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const withoutOrigin = original.headers();
  delete withoutOrigin["origin"];
  delete withoutOrigin["content-length"];
  const replay = (email: string, headers: Record<string, string>) =>
    request.post(original.url(), {
      headers: { ...headers, cookie },
      data: Buffer.from(original.postDataBuffer()!.toString("latin1").replace("dora@edges.test", email), "latin1"),
      maxRedirects: 0,
    });

  const noOrigin = await replay("mallory@edges.test", withoutOrigin);
  expect(noOrigin.status()).toBe(403);
  const forgedHost = await replay("trent@edges.test", {
    ...withoutOrigin,
    origin: "http://evil.example",
    "x-forwarded-host": "evil.example",
  });
  expect(forgedHost.status()).toBe(403);
  expect(cli(["user", "get", "mallory@edges.test"]).code).toBe(1);
  expect(cli(["user", "get", "trent@edges.test"]).code).toBe(1);

  // The same replay with the page's own Origin goes through: the refusals were the Origin's doing.
  const sameSite = await replay("erin@edges.test", { ...withoutOrigin, origin: E2E_BASE_URL });
  expect(sameSite.status()).toBe(200);
  expect(cli(["user", "get", "erin@edges.test"]).code).toBe(0);
});

test("the password step's route signs in only from this origin: another site's POST is refused and sets no cookie", async () => {
  const url = new URL("/api/auth/password", E2E_BASE_URL);
  const post = (origin: string | null) =>
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(origin ? { Origin: origin } : {}) },
      body: JSON.stringify({ email: USER.email, password: USER.password }),
    });
  for (const origin of ["http://evil.example", null]) {
    const refused = await post(origin);
    expect(refused.status, String(origin)).toBe(403);
    expect(refused.headers.getSetCookie(), String(origin)).toEqual([]);
  }
  const own = await post(E2E_BASE_URL);
  expect(await own.json()).toEqual({ ok: true, data: { stage: "signed_in", home: "/account" } });
  expect(own.headers.getSetCookie().some((c) => /^gatehouse\.session=.+; .*HttpOnly/i.test(c))).toBe(true);
});

test("a JSON route answers 413 to an oversized body while it is still being sent", async () => {
  const url = new URL("/api/mobile/qr-login", E2E_BASE_URL);
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on("error", (e) => ((e as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(e)));
    // 64 KiB now and the request left open: the answer must not wait for an end that never comes.
    req.write(`{"token":"${"x".repeat(64 * 1024)}`);
    setTimeout(() => reject(new Error("no answer while the body was still open")), 10_000).unref();
  });
  expect(status).toBe(413);

  const declared = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "x".repeat(5000) });
  expect(declared.status).toBe(413);
  expect(await declared.json()).toEqual({ ok: false, error: { code: "invalid_input", message: "Request too large." } });
});

test("a broken percent-escape in an address is a 400, not a server error", async () => {
  for (const path of ["/link/%zz", "/setup/%zz", "/link/%E0%A4%A/password"]) {
    const answer = await fetch(new URL(path, E2E_BASE_URL), { redirect: "manual" });
    expect(answer.status, path).toBe(400);
  }
  // The SAML answer route reads a cookie and a form: broken escapes there are a refused sign-in.
  const acs = await fetch(new URL("/zx/auth/saml", E2E_BASE_URL), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: "gatehouse.saml=%zz" },
    body: "SAMLResponse=%zz&RelayState=%E0%A4%A",
  });
  expect(acs.status).toBe(303);
  expect(acs.headers.get("location")).toMatch(/\/login\/saml-error\?ref=/);
});
