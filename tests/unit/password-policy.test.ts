import { test } from "node:test";
import assert from "node:assert/strict";
import { passwordProblem, PASSWORD_MAX } from "@/lib/passwords/password-policy";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { translateText, translateToEnglish } from "@/lib/i18n/translate-message";

/** The refusal as the CLI and the English UI say it (passwordProblem returns a message key). */
const problem = (...args: Parameters<typeof passwordProblem>) => {
  const key = passwordProblem(...args);
  return key && translateText(key, translateToEnglish);
};

test("length floor is 15 without a second factor and 8 with one; 256 is the ceiling", () => {
  assert.match(problem("fourteen chars")!, /at least 15/);
  assert.equal(problem("fifteen chars!!"), null);
  assert.equal(problem("eight ch", { hasSecondFactor: true }), null);
  assert.match(problem("seven c", { hasSecondFactor: true })!, /at least 8/);
  assert.equal(problem("x".repeat(PASSWORD_MAX).replace(/^x{10}/, "abcdefghij")), null);
  assert.match(problem("y".repeat(PASSWORD_MAX + 1))!, /at most 256/);
});

test("common passwords are refused whatever their case; no composition rules", () => {
  assert.match(problem("1QAZ2wsx3edc4RFV")!, /too common/, "a long common one is refused too");
  assert.match(problem("qwertyuiop", { hasSecondFactor: true })!, /too common/);
  assert.match(problem("QWERTYUIOP", { hasSecondFactor: true })!, /too common/);
  assert.equal(problem("all lower case words here"), null, "no digits or symbols needed");
});

test("length counts characters, not bytes, and spaces and emoji are kept", () => {
  assert.equal(problem("ünïcödé pässwörd"), null);
  assert.match(problem("🔑🔑🔑🔑🔑🔑🔑", { hasSecondFactor: true })!, /at least 8/);
});

test("the address's local part may not be the password's core", () => {
  assert.match(problem("my name is johnsmith ok", { email: "johnsmith@example.com" })!, /address/);
  assert.equal(problem("a different long phrase", { email: "johnsmith@example.com" }), null);
});

test("post-login destinations stay on this site", () => {
  assert.equal(safeNextPath("/account"), "/account");
  assert.equal(safeNextPath("//evil.example/x"), undefined);
  assert.equal(safeNextPath("/\\evil.example"), undefined);
  assert.equal(safeNextPath("https://evil.example"), undefined);
  assert.equal(safeNextPath("/a b"), undefined);
});
