import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors";
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
  formatRecoveryCode,
  generateRecoveryCodes,
  normaliseRecoveryCode,
} from "@/lib/two-factor/recovery-codes/recovery-codes";

const DISPLAY_FORM = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

test("defaults to 12 distinct codes in xxxxx-xxxxx form", () => {
  const codes = generateRecoveryCodes();
  assert.equal(codes.length, 12);
  assert.equal(new Set(codes).size, 12);
  for (const code of codes) assert.match(code, DISPLAY_FORM);
});

test("count is honoured and validated", () => {
  assert.equal(generateRecoveryCodes(1).length, 1);
  assert.equal(generateRecoveryCodes(0).length, 0);
  assert.equal(generateRecoveryCodes(100).length, 100);
  for (const count of [-1, 101, 1.5, Number.NaN]) assert.throws(() => generateRecoveryCodes(count), AppError, String(count));
});

test("alphabet is Crockford base32 without confusable letters, and entropy is at least 2^40", () => {
  assert.equal(RECOVERY_CODE_ALPHABET.length, 32);
  assert.equal(new Set(RECOVERY_CODE_ALPHABET).size, 32);
  for (const confusable of "ilou") assert.ok(!RECOVERY_CODE_ALPHABET.includes(confusable), confusable);
  const bits = RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length);
  assert.ok(bits >= 40, `only ${bits} bits`);
  assert.equal(bits, 50);
});

test("codes use the whole alphabet over many draws (no obviously biased generator)", () => {
  const counts = new Map<string, number>();
  for (const code of generateRecoveryCodes(100)) {
    for (const char of code.replace("-", "")) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  // 1000 draws over 32 symbols: each expected ~31; missing any would be astronomically unlikely.
  assert.equal(counts.size, 32);
  for (const [char, count] of counts) assert.ok(count < 100, `${char} appeared ${count} times`);
});

test("two batches do not overlap", () => {
  const first = new Set(generateRecoveryCodes(50));
  for (const code of generateRecoveryCodes(50)) assert.ok(!first.has(code));
});

test("normalisation round-trips the display form", () => {
  for (const code of generateRecoveryCodes(20)) {
    const compact = normaliseRecoveryCode(code);
    assert.equal(compact, code.replace("-", ""));
    assert.equal(formatRecoveryCode(compact!), code);
    assert.equal(normaliseRecoveryCode(`  ${code.toUpperCase().replace("-", " - ")}  `), compact);
    assert.equal(normaliseRecoveryCode(compact), compact);
  }
});

test("normalisation maps Crockford confusables", () => {
  assert.equal(normaliseRecoveryCode("ab0de-fg1jk"), "ab0defg1jk");
  assert.equal(normaliseRecoveryCode("abOde-fgIjk"), "ab0defg1jk");
  assert.equal(normaliseRecoveryCode("abode-fgljk"), "ab0defg1jk");
  assert.equal(normaliseRecoveryCode("ABODE FGLJK"), "ab0defg1jk");
});

test("malformed input normalises to null", () => {
  const malformed: unknown[] = [
    "",
    "   ",
    "abcde",
    "abcde-fghjk-m",
    "abcde-fghju",
    "abcde_fghjk",
    "abcde.fghjk",
    "abcde-fghj!",
    "ábcde-fghjk",
    `abcde-fghjk${" ".repeat(60)}`,
    "a".repeat(65),
    null,
    undefined,
    1234567890,
    ["abcde-fghjk"],
  ];
  for (const input of malformed) assert.equal(normaliseRecoveryCode(input), null, JSON.stringify(input));
});
