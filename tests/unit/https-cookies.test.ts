import { test } from "node:test";
import assert from "node:assert/strict";

// With an https PUBLIC_URL every cookie is Secure, and ours carry the __Host- prefix.
process.env.PUBLIC_URL = "https://auth.example.com";
process.env.AUTH_SECRET = "a".repeat(48);

test("https PUBLIC_URL: __Host- cookie names, Secure, HttpOnly, SameSite=Lax", async () => {
  const { cookieName, cookieOptions } = await import("@/lib/auth/cookie-names");
  const { authOptions } = await import("@/lib/auth/auth-options");
  assert.equal(cookieName("session"), "__Host-gatehouse.session");
  assert.equal(cookieName("login"), "__Host-gatehouse.login");
  assert.deepEqual(cookieOptions(), { httpOnly: true, sameSite: "lax", path: "/", secure: true });
  const options = authOptions();
  assert.equal(options.useSecureCookies, true, "next-auth's own CSRF and callback cookies too");
  assert.equal(options.cookies?.sessionToken?.name, "__Host-gatehouse.session");
});

test("a cookie is read by its exact name; a broken escape in its value is a wrong token, not an error", async () => {
  const { readCookie } = await import("@/lib/http/read-cookie");
  const header = "__Host-gatehouse.login=abc%2Dd; x__Host-gatehouse.saml=evil; __Host-gatehouse.saml=%zz";
  assert.equal(readCookie(header, "__Host-gatehouse.login"), "abc-d");
  assert.equal(readCookie(header, "__Host-gatehouse.saml"), "%zz");
  assert.equal(readCookie(header, "gatehouse.saml"), undefined);
  assert.equal(readCookie(null, "__Host-gatehouse.login"), undefined);
});
