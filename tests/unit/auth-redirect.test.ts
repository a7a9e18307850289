import { test } from "node:test";
import assert from "node:assert/strict";

// next-auth's base URL is PUBLIC_URL, and its redirects never leave that origin.
process.env.PUBLIC_URL = "https://auth.example.com";
process.env.AUTH_SECRET = "a".repeat(48);

test("next-auth is told PUBLIC_URL as its base URL", async () => {
  const { authOptions } = await import("@/lib/auth/auth-options");
  delete process.env.NEXTAUTH_URL;
  authOptions();
  assert.equal(process.env.NEXTAUTH_URL, "https://auth.example.com/api/auth");
});

test("redirects: paths and PUBLIC_URL's origin pass, everything else goes home", async () => {
  const { authOptions } = await import("@/lib/auth/auth-options");
  const redirect = (url: string) => authOptions().callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });
  assert.equal(await redirect("/account"), "https://auth.example.com/account");
  assert.equal(await redirect("https://auth.example.com/admin/users?page=2"), "https://auth.example.com/admin/users?page=2");
  for (const away of [
    "http://localhost:3000/phish", // next-auth's own default base URL
    "http://auth.example.com/account", // same host, other scheme
    "https://auth.example.com.evil.example/x",
    "https://auth.example.com@evil.example/x",
    "//evil.example/x",
    "/\\evil.example/x",
    "javascript:alert(1)",
  ]) {
    assert.equal(await redirect(away), "https://auth.example.com", away);
  }
  assert.equal(await redirect(""), "https://auth.example.com/");
});
